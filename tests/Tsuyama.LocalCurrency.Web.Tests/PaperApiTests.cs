using System.Diagnostics;
using System.Net;
using System.Text;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Payouts.Zengin;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>Own host, settled once: a shop paid 6,789 points and another 1,000, then the cutoff day settled.</summary>
public sealed class PaperFixture : ApiFactory, IAsyncLifetime
{
    private static readonly DateOnly Cutoff = JapanTime.DateOf(Start);

    public Api Api { get; private set; } = null!;
    public Party Shop { get; private set; } = null!;
    public Party Other { get; private set; } = null!;
    public Guid SettlementId { get; private set; }

    public async Task InitializeAsync()
    {
        Api = new Api(this);
        var program = await Api.CreateProgramAsync();
        var resident = await Api.ResidentAsync();
        var (shop, other) = (await Api.MerchantAsync(), await Api.MerchantAsync());
        await Api.BuyAsync(resident, program);
        foreach (var (to, amount) in new[] { (shop, 6_789L), (other, 1_000L) })
        {
            var paid = await Api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await Api.StoreQrAsync(to.Id), amount });
            paid.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        Clock.Advance(TimeSpan.FromDays(1));
        var run = await Api.PostMovingAsync(await Api.AdminAsync(), "/api/v1/settlements", new { cutoff = Cutoff });
        run.StatusCode.Should().Be(HttpStatusCode.Created, await run.Content.ReadAsStringAsync());
        SettlementId = (await Api.JsonAsync(run))["settlementId"]!.GetValue<Guid>();
        (Shop, Other) = (await Api.SignInAgainAsync(shop), await Api.SignInAgainAsync(other));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class PaperApiTests(PaperFixture fixture) : IClassFixture<PaperFixture>
{
    private readonly Api _api = fixture.Api;

    private Task<(Party Shop, Party Other, Guid SettlementId)> SettledAsync() => Task.FromResult((fixture.Shop, fixture.Other, fixture.SettlementId));

    [Fact]
    public async Task Papers_OfAnotherShop_AreForbidden_WhileTheShopAndTheCityOfficeGetThem()
    {
        var (shop, other, id) = await SettledAsync();
        var admin = await _api.AdminAsync();
        string[] paths =
        [
            $"/api/v1/merchants/{shop.Id}/papers/settlements/{id}/invoice",
            $"/api/v1/merchants/{shop.Id}/papers/settlements/{id}/notice?format=csv",
            $"/api/v1/merchants/{shop.Id}/papers/bookkeeping?from=2026-04-01&to=2026-04-30",
        ];

        foreach (var path in paths)
        {
            await Api.ProblemAsync(await other.Client.GetAsync(path), HttpStatusCode.Forbidden, "forbidden");
            (await shop.Client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await admin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }

        // Another shop's id on the shop's own path is refused before the settlement is even looked up.
        await Api.ProblemAsync(await other.Client.GetAsync($"/api/v1/merchants/{shop.Id}/papers/settlements/{Guid.NewGuid()}/invoice"),
            HttpStatusCode.Forbidden, "forbidden");
        await Api.ProblemAsync(await shop.Client.GetAsync($"/api/v1/merchants/{shop.Id}/papers/settlements/{Guid.NewGuid()}/invoice"),
            HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Invoice_OverHttp_IsHtmlThenMarkedReissue_AndCsvHasTheOnceRoundedTax()
    {
        var (shop, _, id) = await SettledAsync();
        var path = $"/api/v1/merchants/{shop.Id}/papers/settlements/{id}/invoice";

        var csv = Encoding.UTF8.GetString(await shop.Client.GetByteArrayAsync(path + "?format=csv"));
        var html = await shop.Client.GetAsync(path);

        // 6,789 points at 1.5 % = 101 yen (rounded down), tax inside 101 × 10/110 = 9.18 → 9.
        csv.Should().Contain("\r\n10%,101,9,92\r\n").And.Contain("登録番号,T5000020332038");
        html.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await html.Content.ReadAsStringAsync()).Should().Contain("<span class=\"reissue\">再発行</span>");
    }

    [Fact]
    public async Task Notice_OverHttp_PaysWhatTheZenginLineOfTheShopPays()
    {
        var (shop, _, id) = await SettledAsync();
        var zengin = ZenginFileReader.Parse(await (await _api.AdminAsync()).GetByteArrayAsync($"/api/v1/settlements/{id}/zengin"));

        var notice = Encoding.UTF8.GetString(await shop.Client.GetByteArrayAsync($"/api/v1/merchants/{shop.Id}/papers/settlements/{id}/notice?format=csv"));

        var payout = 6_789 - 101;
        zengin.Records.Select(r => r.Amount).Should().Contain(payout);
        notice.Should().Contain($"\r\n合計,,6789,101,{payout}\r\n");
    }

    [Fact]
    public async Task Papers_BadParameters_AreValidationProblems()
    {
        var (shop, _, id) = await SettledAsync();
        var root = $"/api/v1/merchants/{shop.Id}/papers";

        foreach (var path in new[]
                 {
                     $"{root}/settlements/{id}/invoice?format=pdf", $"{root}/transfer-fee-invoices/2026-13", $"{root}/transfer-fee-invoices/april",
                     $"{root}/bookkeeping?from=2026-04-01", $"{root}/bookkeeping?from=2026-04-02&to=2026-04-01",
                     $"{root}/bookkeeping?from=2026-04-01&to=2026-04-30&encoding=latin1", $"{root}/bookkeeping?from=2026-04-01&to=2026-04-30&rows=week",
                 })
        {
            await Api.ProblemAsync(await shop.Client.GetAsync(path), HttpStatusCode.BadRequest, "validation");
        }
    }

    [Fact]
    public async Task Bookkeeping_ShiftJis_IsCodePage932()
    {
        var (shop, _, _) = await SettledAsync();

        var response = await shop.Client.GetAsync(
            $"/api/v1/merchants/{shop.Id}/papers/bookkeeping?from=2026-04-01&to=2026-04-30&encoding=shift_jis&rows=transaction");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding(932).GetString(await response.Content.ReadAsByteArrayAsync());
        text.Should().StartWith("日付,区分,売上受取(ポイント)").And.Contain(",期間合計,6789,");
    }
}

public sealed class InvoiceConfigurationTests
{
    /// <summary>The real host as a process: what an operator sees when the number is mistyped.</summary>
    [Fact]
    public async Task StartUp_WithAnInvalidRegistrationNumber_ExitsWithOneClearLine()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tlc-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Tsuyama.LocalCurrency.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ConnectionStrings__Ledger"] = $"Data Source={Path.Combine(directory, "ledger.db")}";
        info.Environment["Invoice__RegistrationNumber"] = "T1234567890123";

        using var host = Process.Start(info)!;
        var stderr = host.StandardError.ReadToEndAsync();
        var stdout = host.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await host.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            host.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The host started despite an invalid registration number.");
        }

        host.ExitCode.Should().Be(1);
        (await stderr).TrimEnd().Should().Be(
            "Invalid configuration: Invoice:RegistrationNumber 'T1234567890123' has check digit 1, "
            + "but the corporate-number check digit of 234567890123 is 9 (適格請求書発行事業者登録番号).");
        (await stdout).Should().BeEmpty();
    }
}
