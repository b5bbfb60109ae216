// Completion screen: a live clock (a screenshot shows a stale time) and a short chime made with Web Audio (no file to load).
(function () {
  var clock = document.querySelector('[data-live-clock]');
  if (clock) {
    var offset = Number(clock.getAttribute('data-server-now')) - Date.now();
    var tick = function () {
      var d = new Date(Date.now() + offset + 9 * 3600 * 1000);
      var p = function (n) { return (n < 10 ? '0' : '') + n; };
      clock.textContent = p(d.getUTCHours()) + ':' + p(d.getUTCMinutes()) + ':' + p(d.getUTCSeconds());
    };
    tick();
    setInterval(tick, 1000);
  }
  var chime = function () {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      var ctx = new Ctx();
      [880, 1318.5].forEach(function (f, i) {
        var o = ctx.createOscillator(), g = ctx.createGain();
        o.frequency.value = f; o.type = 'sine';
        var t = ctx.currentTime + i * 0.18;
        g.gain.setValueAtTime(0.0001, t);
        g.gain.exponentialRampToValueAtTime(0.4, t + 0.02);
        g.gain.exponentialRampToValueAtTime(0.0001, t + 0.5);
        o.connect(g); g.connect(ctx.destination); o.start(t); o.stop(t + 0.55);
      });
      document.documentElement.dataset.chimed = '1';
    } catch (e) { /* no audio: the screen is the receipt */ }
  };
  window.tlcChime = chime;
  // An old payment opened again stays silent: the chime means "just paid".
  if (!document.querySelector('[data-no-chime="old"]')) chime();
  var again = document.querySelector('[data-chime]');
  if (again) again.addEventListener('click', chime);
  var head = document.querySelector('[data-autofocus]');
  if (head) head.focus();
})();
