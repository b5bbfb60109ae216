// The city console's shop forms: the payout holder name is checked as the Admin types. The rule is the
// server's bank-kana converter (the page's Kana handler); this file only asks and shows the answer.
(function () {
  'use strict';
  document.querySelectorAll('input[data-kana-check]').forEach(function (input) {
    var error = document.getElementById(input.id + '-error');
    var ok = document.getElementById(input.id + '-ok');
    var timer = 0;
    var asked = 0;
    function check() {
      var value = input.value;
      if (value.trim() === '') {
        return;
      }
      var mine = ++asked;
      fetch(input.dataset.kanaCheck + '&holder=' + encodeURIComponent(value), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) {
          if (!answer || mine !== asked) {
            return;
          }
          if (answer.ok) {
            input.removeAttribute('aria-invalid');
            if (error) { error.textContent = ''; }
            if (ok) { ok.textContent = answer.message; }
          } else {
            input.setAttribute('aria-invalid', 'true');
            if (error) { error.textContent = answer.message; }
            if (ok) { ok.textContent = ''; }
          }
        })
        .catch(function () { /* the server checks again on submit */ });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    });
    input.addEventListener('blur', function () {
      clearTimeout(timer);
      check();
    });
  });
})();
