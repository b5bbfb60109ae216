using Microsoft.Playwright;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>
/// The camera path of the pay page in a real Chromium: its fake capture device plays the shop's printed
/// store QR, and scan.js with qr-scanner has to read it. Chromium takes the video file at launch, so this
/// test starts its own browser next to the shared one.
/// </summary>
public sealed class CameraScanTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task StoreQr_ScannedWithTheCamera_LandsOnTheKeypadForThatShopAndPays()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        var payload = await api.StoreQrAsync(shop.Id);
        var video = FakeCameraVideo.Write(payload, Path.Combine(Path.GetTempPath(), $"tsuyama-store-qr-{Guid.NewGuid():N}.y4m"));
        try
        {
            await using var camera = await browser.LaunchAsync(
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={video}");
            await using var resident = await browser.PhoneAsync("camera", camera);
            var page = resident.Page;
            var console = new List<string>();
            page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
            page.PageError += (_, error) => console.Add($"pageerror: {error}");
            var email = await BrowserSetup.SignUpAsync(resident, "津山 七郎");
            await BrowserSetup.GivePointsAsync(api, email, program);

            // The decoder (qr-scanner's worker: headless Chromium has no BarcodeDetector) is held back
            // until the camera picture has been photographed, else the code is read before the screenshot.
            var decoder = new TaskCompletionSource();
            await page.RouteAsync("**/qr-scanner-worker.min.js*", route =>
            {
                _ = decoder.Task.ContinueWith(_ => route.ContinueAsync(), TaskScheduler.Default).Unwrap();
                return Task.CompletedTask;
            });
            await page.GotoAsync("/wallet/pay");
            await page.GetByRole(AriaRole.Button, new() { Name = "カメラを起動する" }).ClickAsync();
            await page.WaitForFunctionAsync(
                $"() => {{ const v = document.querySelector('[data-scan-video]'); return !v.paused && v.readyState >= 2 && v.videoWidth === {FakeCameraVideo.Width}; }}");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("QR コードをカメラに写してください…");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "カメラを起動する" })).ToBeHiddenAsync();
            await resident.CheckScreenAsync("01-camera");
            decoder.SetResult();
            try
            {
                await page.WaitForURLAsync("**/wallet/pay/amount**", new() { Timeout = 30_000 });
            }
            catch (TimeoutException)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "FAILED-camera-scan.png"), FullPage = true });
                var state = await page.EvaluateAsync<string>(
                    "() => { const v = document.querySelector('[data-scan-video]'); return `video ${v.videoWidth}x${v.videoHeight} readyState=${v.readyState} paused=${v.paused} status='${document.querySelector('[data-scan-status]').textContent}' BarcodeDetector=${'BarcodeDetector' in window}`; }");
                throw new TimeoutException($"The camera scan did not reach the keypad ({page.Url}; {state}). Console:\n{string.Join('\n', console)}");
            }

            new Uri(page.Url).Query.Should().Contain($"qr={Uri.EscapeDataString(payload)}", "the keypad pays the shop whose QR the camera read");
            await Assertions.Expect(page.Locator(".store-name")).ToContainTextAsync("城下町ベーカリー");
            foreach (var key in new[] { "1", "5", "00" })
            {
                await page.GetByRole(AriaRole.Button, new() { Name = key, Exact = true }).ClickAsync();
            }

            await Assertions.Expect(page.GetByLabel("金額（ポイント）")).ToHaveValueAsync("1500");
            await resident.CheckScreenAsync("02-scanned-amount");
            await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("confirm-amount")).ToHaveTextAsync("1,500 ポイント");
            await Assertions.Expect(page.GetByText("城下町ベーカリー")).ToBeVisibleAsync();
            await resident.CheckScreenAsync("03-scanned-confirm");
            await page.GetByTestId("pay").ClickAsync();
            await Assertions.Expect(page.GetByTestId("done-amount")).ToContainTextAsync("1,500");
            await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("城下町ベーカリー");
            await resident.CheckScreenAsync("04-scanned-done");
            (await api.MerchantBalanceAsync(shop)).Should().Be(1_500);
        }
        finally
        {
            File.Delete(video);
        }
    }
}
