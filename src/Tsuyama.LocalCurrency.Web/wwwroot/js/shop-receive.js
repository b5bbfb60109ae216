// Receive screen island: each payment the shop receives arrives over server-sent events (the page's cookie
// signs the stream in) and shows in large type with today's totals; a short chime once the clerk allowed sound.
(function () {
  var box = document.querySelector('[data-receive]');
  if (!box || !window.EventSource) return;
  var sound = box.querySelector('[data-sound]');
  var ctx = null;
  sound.addEventListener('click', function () {
    // Browsers play audio only after a tap on the page: this button is that tap.
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!ctx && Ctx) ctx = new Ctx();
    var on = sound.getAttribute('aria-pressed') !== 'true';
    sound.setAttribute('aria-pressed', on ? 'true' : 'false');
    if (on) chime();
  });
  var chime = function () {
    if (!ctx || sound.getAttribute('aria-pressed') !== 'true') return;
    [1046.5, 1568].forEach(function (f, i) {
      var o = ctx.createOscillator(), g = ctx.createGain();
      o.frequency.value = f; o.type = 'sine';
      var t = ctx.currentTime + i * 0.15;
      g.gain.setValueAtTime(0.0001, t);
      g.gain.exponentialRampToValueAtTime(0.5, t + 0.02);
      g.gain.exponentialRampToValueAtTime(0.0001, t + 0.4);
      o.connect(g); g.connect(ctx.destination); o.start(t); o.stop(t + 0.45);
    });
  };
  var n = function (v) { return Number(v).toLocaleString('ja-JP'); };
  var time = function (iso) {
    var d = new Date(new Date(iso.endsWith('Z') ? iso : iso + 'Z').getTime() + 9 * 3600 * 1000);
    var p = function (x) { return (x < 10 ? '0' : '') + x; };
    return p(d.getUTCHours()) + ':' + p(d.getUTCMinutes());
  };
  var source = new EventSource(box.getAttribute('data-events-url'), { withCredentials: true });
  source.addEventListener('payment-received', function (e) {
    var d = JSON.parse(e.data);
    var channel = box.getAttribute('data-channel-' + String(d.channel).toLowerCase()) || '';
    box.querySelector('[data-latest-amount]').textContent = n(d.amount);
    box.querySelector('[data-latest-meta]').textContent = time(d.at) + ' ・ No. ' + d.displayNumber + ' ・ ' + channel;
    box.querySelector('[data-announce]').textContent = box.getAttribute('data-received-text').replace('{0}', n(d.amount));
    document.querySelector('[data-today-amount]').textContent = n(d.todayNet);
    document.querySelector('[data-today-count]').textContent = d.todayCount;
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = '/shop/payments/' + d.paymentId;
    a.textContent = time(d.at) + ' No. ' + d.displayNumber;
    var pts = document.createElement('span');
    pts.className = 'points';
    pts.textContent = n(d.amount) + ' ' + box.getAttribute('data-unit');
    li.appendChild(a); li.appendChild(document.createTextNode(' ')); li.appendChild(pts);
    var list = document.querySelector('[data-recent]');
    list.insertBefore(li, list.firstChild);
    box.classList.remove('flash'); void box.offsetWidth; box.classList.add('flash');
    chime();
  });
})();
