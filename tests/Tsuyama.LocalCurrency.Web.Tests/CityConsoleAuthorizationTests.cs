using System.Net;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Audit.GetAuditLog;
using Tsuyama.LocalCurrency.Features.Merchants.ListMerchants;
using Tsuyama.LocalCurrency.Features.Merchants.SetMerchantSuspension;
using Tsuyama.LocalCurrency.Features.Residents.SearchResidents;
using Tsuyama.LocalCurrency.Features.Staff.DeactivateStaffUser;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>Page sign-ins (cookies) of every kind, and one shop and resident to open, prepared once.</summary>
public sealed class CityConsoleFixture : IAsyncLifetime
{
    public ConsoleApiFactory Factory { get; } = new();
    public Dictionary<string, HttpClient> Clients { get; } = [];
    public Guid MerchantId { get; private set; }
    public Guid ResidentId { get; private set; }

    public async Task InitializeAsync()
    {
        var api = new Api(Factory);
        var resident = await api.ResidentAsync();
        var merchant = await api.MerchantAsync();
        (ResidentId, MerchantId) = (resident.Id, merchant.Id);
        Clients["anonymous"] = ConsolePages.NewClient(Factory);
        Clients["resident"] = await ConsolePages.SignInAsync(Factory, resident.Email, resident.Password);
        Clients["merchant"] = await ConsolePages.SignInAsync(Factory, merchant.Email, merchant.Password);
        Clients["chamber"] = (await ConsolePages.StaffAsync(api, Roles.Chamber)).Client;
        Clients["counter"] = (await ConsolePages.StaffAsync(api, Roles.Counter)).Client;
        Clients["admin"] = await ConsolePages.AdminAsync(Factory);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Who may open which city office page (in the spirit of <see cref="AuthorizationMatrixTests"/>): the Counter
/// only the residents' desk; the chamber, residents and shops none (no personal data); anonymous callers sign in first.
/// </summary>
public sealed class CityConsoleAuthorizationTests(CityConsoleFixture fixture) : IClassFixture<CityConsoleFixture>
{
    private const string Everyone = "anonymous resident merchant chamber counter admin";

    public static TheoryData<string, string> Pages => new()
    {
        { "/city/shops", "admin" },
        { "/city/shops?q=test", "admin" },
        { "/city/shops/new", "admin" },
        { "/city/shops/new?handler=Kana&holder=ﾔﾏﾀﾞ", "admin" },
        { "/city/shops/{merchant}", "admin" },
        { "/city/staff", "admin" },
        { "/city/audit", "admin" },
        { "/city/audit?handler=Csv", "admin" },
        { "/city/residents", "admin counter" },
        { "/city/residents?q=test", "admin counter" },
        { "/city/residents/{resident}", "admin counter" },
        { "/city/residents/{resident}/sale", "admin counter" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task CityPage_OpensOnlyForItsRoles_AndIsForbiddenToEveryoneElse(string route, string allowed)
    {
        var url = route.Replace("{merchant}", fixture.MerchantId.ToString()).Replace("{resident}", fixture.ResidentId.ToString());
        foreach (var who in Everyone.Split(' '))
        {
            var response = await fixture.Clients[who].GetAsync(url);
            var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
            if (allowed.Split(' ').Contains(who))
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} may open {1}", who, url);
                landed.Should().NotBe("/denied").And.NotBe("/signin");
            }
            else if (who == "anonymous")
            {
                landed.Should().Be("/signin", "an anonymous visitor of {0} is sent to sign in", url);
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "{0} may not open {1}", who, url);
                landed.Should().Be("/denied");
            }
        }
    }

    [Theory]
    [InlineData("/city/shops/{merchant}?handler=Suspension", "suspend=true")]
    [InlineData("/city/shops/{merchant}?handler=Edit", "Name=x")]
    [InlineData("/city/shops/new", "Name=x")]
    [InlineData("/city/staff", "Email=a%40b.example&Password=Passw0rd123&Role=Admin")]
    [InlineData("/city/staff?handler=Deactivate", "userId=00000000-0000-0000-0000-000000000001")]
    [InlineData("/city/residents/{resident}?handler=Reset", "")]
    public async Task AdminForm_PostedByCounterStaff_IsForbidden_AndChangesNothing(string route, string body)
    {
        var url = route.Replace("{merchant}", fixture.MerchantId.ToString()).Replace("{resident}", fixture.ResidentId.ToString());
        var fields = body.Length == 0 ? [] : body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

        var response = await ConsolePages.PostFormAsync(fixture.Clients["counter"], "/city/residents", url, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var suspended = await fixture.Factory.WithDbAsync(db =>
            Task.FromResult(db.Merchants.Where(m => m.Id == fixture.MerchantId).Select(m => m.SuspendedAt).First()));
        suspended.Should().BeNull();
    }

    /// <summary>The use cases refuse on their own too, whatever page or route sends them.</summary>
    [Theory]
    [InlineData(Roles.Counter, "list-merchants")]
    [InlineData(Roles.Counter, "suspend")]
    [InlineData(Roles.Counter, "deactivate")]
    [InlineData(Roles.Counter, "audit")]
    [InlineData(Roles.Chamber, "search-residents")]
    [InlineData(Roles.Merchant, "search-residents")]
    public async Task CityUseCase_SentByTheWrongRole_IsForbidden(string role, string action)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var http = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "x@test.example"),
                    new Claim(ClaimTypes.Role, role),
                ],
                "test")),
        };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        Error? error = action switch
        {
            "list-merchants" => (await mediator.Send(new ListMerchantsQuery(null))).Error,
            "suspend" => (await mediator.Send(new SetMerchantSuspensionCommand(fixture.MerchantId, true))).Error,
            "deactivate" => (await mediator.Send(new DeactivateStaffUserCommand(Guid.NewGuid()))).Error,
            "audit" => (await mediator.Send(new GetAuditLogQuery(new AuditFilter(null, null, null, null, null, null)))).Error,
            _ => (await mediator.Send(new SearchResidentsQuery("津山"))).Error,
        };

        error.Should().NotBeNull();
        error!.Type.Should().Be(ProblemTypes.Forbidden);
    }
}
