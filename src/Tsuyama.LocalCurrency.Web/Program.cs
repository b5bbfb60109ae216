using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Endpoints;
using Tsuyama.LocalCurrency.Web.Hosting;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddLocalCurrencyWeb();
}
catch (ConfigurationError error)
{
    // A wrong setting is the operator's to fix: one line, not a stack trace.
    Console.Error.WriteLine($"Cannot start: {error.Message}");
    return 2;
}

var app = builder.Build();
try
{
    // Before the host starts, so a bad setting is one line on stderr rather than a logged stack trace.
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"Invalid configuration: {ex.Message}");
    return 1;
}

// First: the per-IP sign-in limit must see the client's address, not the proxy's.
app.UseForwardedHeaders();
app.UseSiteHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseStaffSessionCheck();
app.UseAuthorization();
app.UsePasswordChangeGate();
app.UseRateLimiter();
app.MapSite();

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Tsuyama Local Currency API v1");
    o.RoutePrefix = "api-docs";
});
app.MapHealthChecks("/health");
app.MapBackgroundJobs();

var api = app.MapGroup("/api/v1").WithProblemResponses(verify: !app.Environment.IsProduction());
api.MapAuth().MapParties().MapResidentFlows().MapMerchantFlows().MapLedger()
    .MapSettlements().MapSimulations().MapNotifications().MapAnalytics()
    .MapSales().MapGrants()
    .MapStores().MapQuotes().MapHistory().MapShop().MapLive()
    .MapPapers()
    .MapAudit();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
