// Camera island: BarcodeDetector where the browser has it (qr-scanner uses it natively), else qr-scanner's worker.
// A result goes back to the page as ?qr=…, the same path a typed store number takes.
const box = document.querySelector('[data-scanner]');
if (box) {
  const start = box.querySelector('[data-scan-start]');
  const video = box.querySelector('[data-scan-video]');
  const status = box.querySelector('[data-scan-status]');
  const form = box.querySelector('[data-scan-form]');
  const result = box.querySelector('[data-scan-result]');
  const say = (key) => { status.textContent = box.dataset[key] || ''; };
  start.addEventListener('click', async () => {
    try {
      const { default: QrScanner } = await import('/lib/qr-scanner/qr-scanner.min.js');
      if (!(await QrScanner.hasCamera())) { say('noCamera'); return; }
      video.hidden = false;
      say('looking');
      const scanner = new QrScanner(video, (r) => {
        scanner.stop();
        result.value = r.data;
        form.submit();
      }, { preferredCamera: 'environment', returnDetailedScanResult: true, highlightScanRegion: false });
      await scanner.start();
      start.hidden = true;
    } catch (e) {
      video.hidden = true;
      say('noCamera');
    }
  });
}
