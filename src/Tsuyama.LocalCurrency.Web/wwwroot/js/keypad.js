// Big keypad island: the text field stays the source of truth, so typing and no-JS both work.
(function () {
  var input = document.querySelector('[data-keypad-input]');
  if (!input) return;
  document.querySelectorAll('[data-key]').forEach(function (key) {
    key.addEventListener('click', function () {
      var v = input.value.replace(/[^0-9０-９]/g, '');
      var k = key.getAttribute('data-key');
      if (k === 'back') v = v.slice(0, -1);
      else if (v.length < 9) v = (v + k).replace(/^0+(?=\d)/, '');
      input.value = v;
      input.removeAttribute('aria-invalid');
    });
  });
})();
