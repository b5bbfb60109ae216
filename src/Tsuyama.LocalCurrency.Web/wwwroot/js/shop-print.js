// The sticker's print button (an inline onclick would need 'unsafe-inline').
(function () {
  var b = document.querySelector('[data-print]');
  if (b) b.addEventListener('click', function () { window.print(); });
})();
