using System.Diagnostics;
using System.Text;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Papers.GetPaymentNotice;
using Tsuyama.LocalCurrency.Features.Papers.GetRedemptionInvoice;
using Tsuyama.LocalCurrency.Features.Papers.GetTransferFeeInvoice;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.TestDatabases;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Papers.PaperTestData;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Papers;

/// <summary>A fact that needs headless Chromium; skipped with the reason when it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"Headless Chromium is not installed at {Chromium}; the printed pages cannot be rendered.";
        }
    }
}

/// <summary>
/// Prints the invoice, the monthly invoice, a reissue and the payment notice as A4 pages in headless
/// Chromium: a PNG of each page to look at and the PDF Chromium prints, kept under TestResults/papers
/// (or $TLC_ARTIFACTS). Each paper must fit on one A4 page.
/// </summary>
public sealed class PaperScreenshotTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [ChromiumFact]
    public async Task InvoiceAndNotice_PrintAsOneA4PageEach()
    {
        await _host.CreateProgramAsync("TSUYAMA2026", redemptionFeeBps: 150, transferFeeBps: 50);
        await _host.CreateProgramAsync("KOSODATE", redemptionFeeBps: 100);
        var shop = (await _host.MustAsync(new RegisterMerchantCommand("株式会社 城下町ベーカリー 津山本店", "ジョウカマチベーカリー", "Jokamachi Bakery", "5462",
            MerchantSize.Small, "7080022", $"m{Guid.NewGuid():N}@example.jp", null,
            TestLedger.Payout("カ）ジョウカマチベーカリー")))).MerchantId;
        var supplier = await _host.RegisterMerchantAsync();
        var (a, b) = (await _host.RegisterResidentAsync(), await _host.RegisterResidentAsync());
        await _host.BuyAsync(a, "TSUYAMA2026", 3);
        await _host.BuyAsync(b, "KOSODATE", 2);
        await _host.PayAsync(a, shop, 23_456);
        await _host.PayAsync(b, shop, 12_345);
        await _host.MustAsync(new TransferToMerchantCommand(shop, supplier, 5_000, IdempotencyScopes.Merchant(shop), _host.NextKey()));
        await _host.MustAsync(new TransferToMerchantCommand(shop, supplier, 1_200, IdempotencyScopes.Merchant(shop), _host.NextKey()));
        _host.SetJst(Day1.AddDays(1), 9);
        var settled = await _host.MustAsync(Settle(Day1));
        _host.SetJst(new DateOnly(2026, 5, 1), 9);

        var papers = new Dictionary<string, SettlementFile>
        {
            ["invoice"] = await _host.MustAsync(new GetRedemptionInvoiceCommand(settled.SettlementId, shop, CityOffice, PaperFormat.Html)),
            ["invoice-reissue"] = await _host.MustAsync(new GetRedemptionInvoiceCommand(settled.SettlementId, shop, CityOffice, PaperFormat.Html)),
            ["transfer-fee-invoice"] = await _host.MustAsync(new GetTransferFeeInvoiceCommand(shop, 2026, 4, CityOffice, PaperFormat.Html)),
            ["payment-notice"] = await _host.MustAsync(new GetPaymentNoticeCommand(settled.SettlementId, shop, CityOffice, PaperFormat.Html)),
        };

        var directory = ArtifactDirectory();
        foreach (var (name, paper) in papers)
        {
            var html = Path.Combine(directory, name + ".html");
            await File.WriteAllBytesAsync(html, paper.Content);
            var (png, pdf) = (Path.Combine(directory, name + ".png"), Path.Combine(directory, name + ".pdf"));
            // 794 × 1123 CSS pixels is A4 at 96 dpi; the screen layout keeps the print margins, so the PNG shows the page.
            await ChromiumAsync($"--window-size=794,1123 --force-device-scale-factor=1 --hide-scrollbars --screenshot={png}", html);
            await ChromiumAsync($"--no-pdf-header-footer --print-to-pdf={pdf}", html);

            new FileInfo(png).Length.Should().BeGreaterThan(20_000, $"{name}.png shows a rendered page");
            PdfPages(await File.ReadAllBytesAsync(pdf)).Should().Be(1, $"{name} fits on one A4 page");
        }
    }

    private static async Task ChromiumAsync(string arguments, string htmlPath)
    {
        var profile = Path.Combine(Path.GetTempPath(), "tlc-chromium", Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(ChromiumFactAttribute.Chromium,
            $"--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync " +
            $"--user-data-dir={profile} {arguments} file://{htmlPath}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, await stderr);
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A leftover profile in the temp folder is harmless.
        }
    }

    /// <summary>Page objects in the PDF Chromium printed ("/Type /Page", not "/Type /Pages").</summary>
    private static int PdfPages(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var at = text.IndexOf("/Type /Page", StringComparison.Ordinal); at >= 0; at = text.IndexOf("/Type /Page", at + 1, StringComparison.Ordinal))
        {
            count += text.Length > at + 11 && text[at + 11] == 's' ? 0 : 1;
        }

        return count;
    }

    private static string ArtifactDirectory()
    {
        var root = Environment.GetEnvironmentVariable("TLC_ARTIFACTS");
        if (string.IsNullOrEmpty(root))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsuyama.LocalCurrency.sln")))
            {
                dir = dir.Parent;
            }

            root = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults");
        }

        var directory = Path.Combine(root, "papers");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
