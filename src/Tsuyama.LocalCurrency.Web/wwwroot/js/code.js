// マイコード island: counts down with the server's seconds (phone clocks drift), fetches the next code
// shortly before expiry, and turns into the completion screen when the shop charges the code (server-sent events).
(function () {
  var box = document.querySelector('[data-code]');
  if (!box) return;
  var left = Number(box.getAttribute('data-seconds-left'));
  var timer = box.querySelector('[data-code-timer]');
  var leftText = box.getAttribute('data-left-text');
  var refreshing = false;
  var next = function () {
    if (refreshing) return;
    refreshing = true;
    fetch(box.getAttribute('data-next-url'), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'X-CSRF-TOKEN': box.getAttribute('data-csrf'), 'Accept': 'application/json' }
    }).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (c) {
        box.querySelector('[data-code-image]').src = c.image;
        box.querySelector('[data-code-digits]').textContent = c.digits;
        box.setAttribute('data-code-value', c.code);
        left = c.secondsLeft;
      })
      .catch(function () { timer.textContent = box.getAttribute('data-expired-text'); left = -1; })
      .then(function () { refreshing = false; });
  };
  var tick = function () {
    if (left < 0) return;
    left -= 1;
    if (left <= 15) next();
    timer.textContent = leftText.replace('{0}', Math.max(left, 0));
  };
  var countdown = setInterval(tick, 1000);

  var done = function (amount, store) {
    clearInterval(countdown);
    var screen = document.querySelector('[data-code-done]');
    screen.querySelector('[data-done-amount]').textContent = Number(amount).toLocaleString('ja-JP');
    screen.querySelector('[data-done-store]').textContent = store || '';
    box.hidden = true;
    screen.hidden = false;
    screen.focus();
    var s = document.createElement('script');
    s.src = '/js/done.js';
    document.body.appendChild(s);
  };
  var url = box.getAttribute('data-events-url');
  if (url && window.EventSource) {
    var source = new EventSource(url, { withCredentials: true });
    source.addEventListener('code-charged', function (e) {
      var d = JSON.parse(e.data);
      source.close();
      done(d.amount, d.storeName);
    });
  }
})();
