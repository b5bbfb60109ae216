using Tsuyama.LocalCurrency.Web.Endpoints;
using Tsuyama.LocalCurrency.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLocalCurrencyWeb();

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
    .MapSettlements().MapSimulations().MapNotifications().MapAnalytics().MapPapers();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
