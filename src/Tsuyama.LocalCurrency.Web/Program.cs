using Tsuyama.LocalCurrency.Web.Endpoints;
using Tsuyama.LocalCurrency.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLocalCurrencyWeb();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
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
    .MapSales().MapGrants();

app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
