using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Endpoints;
using Tsuyama.LocalCurrency.Web.Hosting;
using Tsuyama.LocalCurrency.Web.Http;

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
// First: the per-IP sign-in limit must see the client's address, not the proxy's.
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseStaffSessionCheck();
app.UseAuthorization();
app.UsePasswordChangeGate();
app.UseRateLimiter();

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Tsuyama Local Currency API v1");
    o.RoutePrefix = "api-docs";
});
app.MapHealthChecks("/health");
app.MapBackgroundJobs();

var api = app.MapGroup("/api/v1");
api.MapAuth().MapParties().MapResidentFlows().MapMerchantFlows().MapLedger()
    .MapSettlements().MapSimulations().MapNotifications().MapAnalytics()
    .MapSales().MapGrants().MapAudit();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
