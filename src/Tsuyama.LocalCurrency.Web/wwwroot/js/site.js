// Shared script island: marks JS as present and makes a form submit only once (the idempotency key guards the server too).
document.documentElement.classList.add('js');
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (form.dataset.submitted === '1') { e.preventDefault(); return; }
  form.dataset.submitted = '1';
  var buttons = form.querySelectorAll('button[type=submit], button:not([type])');
  setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
});
window.addEventListener('pageshow', function () {
  document.querySelectorAll('form[data-submitted]').forEach(function (f) {
    delete f.dataset.submitted;
    f.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
  });
});
