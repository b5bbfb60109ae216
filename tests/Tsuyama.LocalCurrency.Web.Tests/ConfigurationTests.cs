using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>A host whose issuer account is not the built-in demo one.</summary>
public sealed class CityIssuerApiFactory : ApiFactory
{
    public const string ClientCode = "0000077777";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Settlement:ClientCode", ClientCode);
        builder.UseSetting("Settlement:ClientNameKana", "ﾂﾔﾏｼｶｲｹｲｶ");
    }
}

public sealed class ConfigurationTests(CityIssuerApiFactory factory) : IClassFixture<CityIssuerApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Zengin_FromTheWebHost_CarriesTheConfiguredIssuerNotTheDemoOne()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var paid = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 1_000 });
        paid.StatusCode.Should().Be(HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var admin = await _api.AdminAsync();
        var cutoff = JapanTime.DateOf(ApiFactory.Start);

        var run = await _api.PostMovingAsync(admin, "/api/v1/settlements", new { cutoff });
        run.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await Api.JsonAsync(run))["settlementId"]!.GetValue<Guid>();
        var header = Encoding.GetEncoding(932).GetString(await admin.GetByteArrayAsync($"/api/v1/settlements/{id}/zengin"))[..120];

        header.Substring(4, 10).Should().Be(CityIssuerApiFactory.ClientCode, "委託者コード is configured with Settlement__ClientCode");
        header.Substring(14, 10).TrimEnd().Should().Be("ﾂﾔﾏｼｶｲｹｲｶ");
    }
}

public sealed class StartUpConfigurationTests
{
    [Fact]
    public async Task Start_WithAnUnknownDatabaseProvider_StopsWithOneLineNamingTheValidValues()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Tsuyama.LocalCurrency.Web.dll");
        var start = new ProcessStartInfo("dotnet", [host, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["Database__Provider"] = "Oracle";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(2);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().Contain("Oracle").And.Contain("Sqlite").And.Contain("SqlServer");
    }
}
