// The chamber's run page: while a simulation runs, poll its status and move the progress bar; at the end
// reload, so the page shows the report exactly as a reload without this script would.
(function () {
  'use strict';
  var panel = document.querySelector('[data-run-status]');
  if (!panel) { return; }
  var url = panel.getAttribute('data-run-status');
  var bar = panel.querySelector('progress');
  var label = panel.querySelector('[data-testid="progress-text"]');
  function tick() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.json(); })
      .then(function (s) {
        var percent = Math.round((s.progress || 0) * 100);
        bar.value = percent;
        bar.textContent = percent + ' %';
        label.textContent = percent + ' %';
        if (s.finished) { window.location.reload(); } else { window.setTimeout(tick, 500); }
      })
      .catch(function () { window.setTimeout(tick, 2000); });
  }
  window.setTimeout(tick, 300);
})();

// The merchant summary's print button (without scripts the browser's own print works the same).
(function () {
  'use strict';
  var button = document.querySelector('[data-print]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  }
})();
