using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>The test server has no client address of its own; this one takes it from a header.</summary>
public sealed class AuditApiFactory : ApiFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> inner) =>
            {
                if (context.Request.Headers[PeerHeader] is [{ } peer])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                }

                return inner();
            });
            next(app);
        };
    }
}

public sealed class AuditLogTests(AuditApiFactory factory) : IClassFixture<AuditApiFactory>
{
    private const string Address = "192.0.2.44";
    private readonly Api _api = new(factory);

    private async Task<HttpClient> AdminFromAsync(string address = Address)
    {
        var admin = await _api.AdminAsync();
        admin.DefaultRequestHeaders.Add(AuditApiFactory.PeerHeader, address);
        return admin;
    }

    private object Program(string code)
    {
        var today = JapanTime.Today(factory.Clock);
        return new
        {
            code, name = "監査テスト商品券", unitPriceYen = 10_000, pointsPerUnit = new { general = 6_000, smallBusiness = 7_000 },
            totalUnits = 1_000, maxUnitsPerResident = 10, salesFrom = today.AddDays(-1), salesUntil = today.AddDays(30),
            expiresOn = today.AddDays(180), redemptionFeeBasisPoints = 0, allowMerchantTransfers = false, merchantTransferFeeBasisPoints = 0,
        };
    }

    private static object Shop(string email) => new
    {
        name = "監査ベーカリー", nameKana = "カンサベーカリー", nameRomaji = "Kansa Bakery", category = "5462", size = "small",
        postalCode = "708-0022", ownerEmail = email, ownerPassword = "SecretOwnerPass1",
        payout = new { bankCode = "0168", branchCode = "101", accountType = "ordinary", accountNumber = "1234567", holderKana = "カンサベーカリー" },
    };

    private async Task<JsonArray> EntriesAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync($"/api/v1/audit?{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await Api.JsonAsync(response))["entries"]!.AsArray();
    }

    private static JsonObject Single(JsonArray entries, string recordId) =>
        entries.Select(e => e!.AsObject()).Should().ContainSingle(e => e["recordId"]!.GetValue<string>() == recordId).Subject;

    [Fact]
    public async Task AdminActions_CreateProgramAndRegisterShop_AreAuditedWithWhoRoleWhatRecordAddressAndOutcome()
    {
        var admin = await AdminFromAsync();
        var program = await Api.JsonAsync(await _api.PostAsync(admin, "/api/v1/programs", Program($"A{Guid.NewGuid():N}"[..12])));
        var shop = await Api.JsonAsync(await _api.PostAsync(admin, "/api/v1/merchants", Shop($"a{Guid.NewGuid():N}@test.example")));

        var created = Single(await EntriesAsync(admin, "action=CreateProgramCommand&pageSize=500"), $"ProgramId={program["programId"]}");
        created["email"]!.GetValue<string>().Should().Be(ApiFactory.AdminEmail);
        created["role"]!.GetValue<string>().Should().Be("Admin");
        created["action"]!.GetValue<string>().Should().Be("CreateProgramCommand");
        created["remoteAddress"]!.GetValue<string>().Should().Be(Address);
        created["outcome"]!.GetValue<string>().Should().Be("succeeded");
        created["occurredAt"]!.GetValue<DateTimeOffset>().Should().Be(factory.Clock.GetUtcNow());

        var registered = Single(await EntriesAsync(admin, "action=RegisterMerchantCommand&pageSize=500"), $"MerchantId={shop["merchantId"]}");
        registered["outcome"]!.GetValue<string>().Should().Be("succeeded");
        registered["remoteAddress"]!.GetValue<string>().Should().Be(Address);
        var details = registered["details"]!.GetValue<string>();
        details.Should().NotContain("SecretOwnerPass1", "passwords are redacted by name").And.Contain("[redacted]").And.Contain("監査ベーカリー");
    }

    [Fact]
    public async Task RefusedStaffCommand_DuplicateProgramCode_IsRecordedAsRefusedAndWritesNothingElse()
    {
        var admin = await AdminFromAsync("192.0.2.45");
        var code = $"D{Guid.NewGuid():N}"[..12];
        (await _api.PostAsync(admin, "/api/v1/programs", Program(code))).StatusCode.Should().Be(HttpStatusCode.Created);

        await Api.ProblemAsync(await _api.PostAsync(admin, "/api/v1/programs", Program(code)), HttpStatusCode.Conflict, "conflict");

        var entries = (await EntriesAsync(admin, "action=CreateProgramCommand&outcome=refused&pageSize=500"))
            .Select(e => e!.AsObject()).Where(e => e["details"]!.GetValue<string>().Contains(code, StringComparison.Ordinal)).ToList();
        entries.Should().ContainSingle();
        entries[0]["problemType"]!.GetValue<string>().Should().Be("conflict");
        entries[0]["remoteAddress"]!.GetValue<string>().Should().Be("192.0.2.45");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        (await db.Programs.CountAsync(p => p.Code == code)).Should().Be(1);
    }

    [Fact]
    public async Task RefusedIdempotentCommand_CounterSaleForUnverifiedResident_IsRecordedOnceWithTheCounterRole()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var counter = await _api.StaffAsync("Counter");

        var response = await _api.PostMovingAsync(counter, "/api/v1/purchases",
            new { residentId = resident.Id, programCode = program, units = 1, paidYen = 10_000L, paymentMethod = "cash" });
        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "resident-not-verified");

        var entry = Single(await EntriesAsync(await _api.AdminAsync(), "role=Counter&outcome=refused&pageSize=500"), $"ResidentId={resident.Id}");
        entry["action"]!.GetValue<string>().Should().Be("RecordCounterSaleCommand");
        entry["role"]!.GetValue<string>().Should().Be("Counter");
        entry["problemType"]!.GetValue<string>().Should().Be("resident-not-verified");
    }

    [Fact]
    public async Task ResidentPayment_IsNotAudited()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var paid = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 1_000 });
        paid.StatusCode.Should().Be(HttpStatusCode.Created);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        (await db.AuditEntries.CountAsync(e => e.UserId == resident.Id)).Should().Be(0);
        (await db.AuditEntries.CountAsync(e => e.Action == "PayCommand")).Should().Be(0);
        (await db.AuditEntries.CountAsync(e => e.Action == "RecordCounterSaleCommand" && e.Details.Contains(resident.Id.ToString())))
            .Should().Be(1, "the Admin's counter sale to the same resident is a staff action");
    }

    [Fact]
    public async Task CsvExport_WithFilter_IsUtf8WithBomAndHoldsOnlyTheMatchingEntries()
    {
        var admin = await AdminFromAsync("192.0.2.46");
        var code = $"C{Guid.NewGuid():N}"[..12];
        var program = await Api.JsonAsync(await _api.PostAsync(admin, "/api/v1/programs", Program(code)));
        await _api.PostAsync(admin, "/api/v1/programs", Program(code));

        var response = await admin.GetAsync("/api/v1/audit/csv?action=CreateProgram&outcome=succeeded");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("occurredAt,userId,email,role,action,recordId,remoteAddress,outcome,problemType,details");
        lines.Should().Contain(l => l.Contains($"ProgramId={program["programId"]}", StringComparison.Ordinal)
            && l.Contains("192.0.2.46", StringComparison.Ordinal) && l.Contains("監査テスト商品券", StringComparison.Ordinal));
        lines.Skip(1).Should().OnlyContain(l =>
            l.Contains(",CreateProgramCommand,", StringComparison.Ordinal) && l.Contains(",succeeded,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditQuery_WithUnknownOutcome_ReturnsValidationProblem()
    {
        var admin = await _api.AdminAsync();
        await Api.ProblemAsync(await admin.GetAsync("/api/v1/audit?outcome=deleted"), HttpStatusCode.BadRequest, "validation");
        await Api.ProblemAsync(await admin.GetAsync("/api/v1/audit?pageSize=0"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task AuditEntry_UpdateOrDelete_IsRefusedBySaveChanges()
    {
        await _api.CreateProgramAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var entry = await db.AuditEntries.FirstAsync();
        var outcome = entry.Outcome;

        db.Entry(entry).Property(e => e.Outcome).CurrentValue = outcome == "refused" ? "succeeded" : "refused";
        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");
        db.ChangeTracker.Clear();

        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(e => e.Id == entry.Id));
        db.Invoking(d => d.SaveChanges()).Should().Throw<InvalidOperationException>().WithMessage("*append-only*");
        db.ChangeTracker.Clear();

        (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id)).Outcome.Should().Be(outcome);
    }

    [Fact]
    public async Task AuditApi_HasNoRouteThatChangesOrRemovesAnEntry()
    {
        var admin = await _api.AdminAsync();
        var id = (await EntriesAsync(admin, "pageSize=1"))[0]!["id"]!.GetValue<Guid>();
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
        {
            using var request = new HttpRequestMessage(method, $"/api/v1/audit/{id}") { Content = JsonContent.Create(new { outcome = "succeeded" }) };
            var response = await admin.SendAsync(request);
            response.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        }
    }
}
