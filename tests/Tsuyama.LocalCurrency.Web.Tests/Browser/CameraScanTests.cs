using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>
/// The camera paths in a real Chromium: its fake capture device plays a QR code (the shop's printed store
/// QR, or a resident's マイコード), and scan.js with qr-scanner has to read it. Chromium takes the video file
/// at launch, so each test starts its own browser next to the shared one.
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
        await using var camera = await CameraAsync(payload);
        await using var resident = await browser.PhoneAsync("camera", camera.Browser);
        var page = resident.Page;
        var email = await BrowserSetup.SignUpAsync(resident, "津山 七郎");
        await BrowserSetup.GivePointsAsync(api, email, program);

        await page.GotoAsync("/wallet/pay");
        await camera.ScanAsync(page, "**/wallet/pay/amount**", () => resident.CheckScreenAsync("01-camera"));

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

    [ChromiumFact]
    public async Task ResidentsCode_ScannedByTheShopsCamera_FillsTheCodeAndCharges()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var owner = await api.MerchantAsync();
        await using var resident = await browser.PhoneAsync("camera-code-resident");
        var email = await BrowserSetup.SignUpAsync(resident, "津山 八郎");
        await BrowserSetup.GivePointsAsync(api, email, program);
        await resident.Page.GotoAsync("/wallet/code");
        await resident.Page.GetByTestId("show-code").ClickAsync();
        var digits = (await resident.Page.GetByTestId("code-digits").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        // The shop's tablet films the code the resident holds up: the same payload as the QR on their screen.
        await using var camera = await CameraAsync(PaymentCodeFormat.ToQrPayload(digits));
        await using var shop = await browser.PhoneAsync("camera-code-shop", camera.Browser);
        await ShopPageTests.SignInShopAsync(shop, owner.Email, owner.Password);
        await shop.Page.GotoAsync("/shop/charge");
        await camera.ScanAsync(shop.Page, "**/shop/charge?scanned=**", () => shop.CheckScreenAsync("01-charge-camera"));

        await Assertions.Expect(shop.Page.GetByLabel("お客様のコード")).ToHaveValueAsync(digits);
        await shop.Page.GetByLabel("金額（ポイント）").FillAsync("800");
        await shop.CheckScreenAsync("02-charge-scanned");
        await shop.Page.GetByTestId("charge").ClickAsync();
        await Assertions.Expect(shop.Page.GetByTestId("charge-done")).ToContainTextAsync("800");
        await Assertions.Expect(resident.Page.GetByTestId("code-done")).ToContainTextAsync("800", new() { Timeout = 10_000 });
        (await api.MerchantBalanceAsync(owner)).Should().Be(800);
    }

    private async Task<Camera> CameraAsync(string payload)
    {
        var video = FakeCameraVideo.Write(payload, Path.Combine(Path.GetTempPath(), $"tsuyama-camera-{Guid.NewGuid():N}.y4m"));
        var chromium = await browser.LaunchAsync(
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={video}");
        return new Camera(chromium, video);
    }

    /// <summary>A browser whose camera films one QR code, and the scan it drives.</summary>
    private sealed class Camera(IBrowser chromium, string video) : IAsyncDisposable
    {
        public IBrowser Browser => chromium;

        /// <summary>
        /// Starts the page's camera, photographs the live picture, then lets the decoder run and waits for
        /// the page the scan leads to. The decoder (qr-scanner's worker: headless Chromium has no
        /// BarcodeDetector) is held back until then, else the code is read before the screenshot.
        /// </summary>
        public async Task ScanAsync(IPage page, string landsOn, Func<Task> screenshot)
        {
            var console = new List<string>();
            page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
            page.PageError += (_, error) => console.Add($"pageerror: {error}");
            var decoder = new TaskCompletionSource();
            await page.RouteAsync("**/qr-scanner-worker.min.js*", route =>
            {
                _ = decoder.Task.ContinueWith(_ => route.ContinueAsync(), TaskScheduler.Default).Unwrap();
                return Task.CompletedTask;
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "カメラを起動する" }).ClickAsync();
            await page.WaitForFunctionAsync(
                "() => { const v = document.querySelector('[data-scan-video]'); " +
                $"return !v.paused && v.readyState >= 2 && v.videoWidth === {FakeCameraVideo.Width}; }}");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("QR コードをカメラに写してください…");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "カメラを起動する" })).ToBeHiddenAsync();
            await screenshot();
            decoder.SetResult();
            try
            {
                await page.WaitForURLAsync(landsOn, new() { Timeout = 30_000 });
            }
            catch (TimeoutException)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "FAILED-camera-scan.png"), FullPage = true });
                var state = await page.EvaluateAsync<string>(
                    "() => { const v = document.querySelector('[data-scan-video]'); return `video ${v.videoWidth}x${v.videoHeight} " +
                    "readyState=${v.readyState} paused=${v.paused} status='${document.querySelector('[data-scan-status]').textContent}' " +
                    "BarcodeDetector=${'BarcodeDetector' in window}`; }");
                throw new TimeoutException($"The camera scan did not reach {landsOn} ({page.Url}; {state}). Console:\n{string.Join('\n', console)}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await chromium.DisposeAsync();
            File.Delete(video);
        }
    }
}
