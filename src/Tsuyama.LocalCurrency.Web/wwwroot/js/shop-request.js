// Payment request island: counts down with the server's seconds and flips to 支払い済み when the
// request's event stream says it was paid (the stream ends there).
(function () {
  var box = document.querySelector('[data-request]');
  if (!box) return;
  var left = Number(box.getAttribute('data-seconds-left'));
  var timer = box.querySelector('[data-request-timer]');
  var leftText = box.getAttribute('data-left-text');
  var countdown = setInterval(function () {
    left -= 1;
    timer.textContent = left > 0 ? leftText.replace('{0}', left) : box.getAttribute('data-expired-text');
    if (left <= 0) clearInterval(countdown);
  }, 1000);
  if (!window.EventSource) return;
  var source = new EventSource(box.getAttribute('data-events-url'), { withCredentials: true });
  var paid = function (amount, number) {
    source.close();
    clearInterval(countdown);
    var done = document.querySelector('[data-request-done]');
    done.querySelector('[data-paid-amount]').textContent = Number(amount).toLocaleString('ja-JP');
    done.querySelector('[data-paid-number]').textContent = number ? 'No. ' + number : '';
    box.hidden = true;
    done.hidden = false;
    done.focus();
    var s = document.createElement('script');
    s.src = '/js/done.js';
    document.body.appendChild(s);
  };
  source.addEventListener('payment-request-paid', function (e) {
    var d = JSON.parse(e.data);
    paid(d.amount, d.displayNumber);
  });
  source.addEventListener('status', function (e) {
    var d = JSON.parse(e.data);
    if (d.status === 'paid') paid(d.amount, d.displayNumber);
    else if (d.status !== 'pending') { source.close(); timer.textContent = box.getAttribute('data-expired-text'); }
  });
})();
