using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Web.Hosting;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class SignInSecurityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Token_NoAccountLockout_FiveWrongPasswordsLockTheAccountAndTellUntilWhen()
    {
        var resident = await _api.ResidentAsync();
        var client = _api.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            await Api.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = resident.Email, password = "wrong-guess1" }),
                HttpStatusCode.Unauthorized, "unauthorized");
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = resident.Email, password = "wrong-guess1" });
        var problem = await Api.ProblemAsync(locked, (HttpStatusCode)423, "locked-out");
        problem["detail"]!.GetValue<string>().Should().Contain("JST");
        problem["retryAfter"]!.GetValue<DateTimeOffset>().Should().Be(factory.Clock.GetUtcNow().AddMinutes(15));
        locked.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(15));

        var rightPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = resident.Email, password = resident.Password });
        await Api.ProblemAsync(rightPassword, (HttpStatusCode)423, "locked-out");
    }

    [Fact]
    public async Task Token_TokensCannotBeRevoked_SignOutMakesTheRefreshTokenUseless()
    {
        var resident = await _api.ResidentAsync();
        var tokens = await TokensAsync(resident.Email, resident.Password);
        var client = _api.As(tokens["accessToken"]!.GetValue<string>());

        (await client.PostAsJsonAsync("/api/v1/auth/sign-out", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var refresh = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });
        await Api.ProblemAsync(refresh, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Refresh_WithAValidRefreshToken_GivesANewPairAndTheOldRefreshTokenStopsWorking()
    {
        var resident = await _api.ResidentAsync();
        var first = await TokensAsync(resident.Email, resident.Password);

        var refreshed = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first["refreshToken"]!.GetValue<string>() });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = await Api.JsonAsync(refreshed);

        (await _api.As(second["accessToken"]!.GetValue<string>()).GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK);
        second["refreshToken"]!.GetValue<string>().Should().NotBe(first["refreshToken"]!.GetValue<string>());
        var again = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first["refreshToken"]!.GetValue<string>() });
        await Api.ProblemAsync(again, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Password_PasswordsCannotBeChanged_ChangeWorksAndEndsEverySession()
    {
        var resident = await _api.ResidentAsync();
        var other = await TokensAsync(resident.Email, resident.Password);
        var tokens = await TokensAsync(resident.Email, resident.Password);
        var client = _api.As(tokens["accessToken"]!.GetValue<string>());

        var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = resident.Password, newPassword = "Brand2027new" });

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        await Api.ProblemAsync(await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = resident.Email, password = resident.Password }),
            HttpStatusCode.Unauthorized, "unauthorized");
        await _api.TokenAsync(resident.Email, "Brand2027new");
        foreach (var session in new[] { tokens, other })
        {
            var refresh = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = session["refreshToken"]!.GetValue<string>() });
            await Api.ProblemAsync(refresh, HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Fact]
    public async Task Password_WithTheWrongCurrentPassword_IsAValidationProblemOnThatField()
    {
        var resident = await _api.ResidentAsync();

        var response = await resident.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not-mine-1", newPassword = "Brand2027new" });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal("currentPassword");
    }

    [Fact]
    public async Task PasswordReset_ByAnAdmin_GivesATemporaryPasswordThatOnlyAllowsChangingIt()
    {
        var resident = await _api.ResidentAsync();
        var admin = await _api.AdminAsync();

        var reset = await admin.PostAsJsonAsync("/api/v1/auth/password-resets", new { email = resident.Email });
        reset.StatusCode.Should().Be(HttpStatusCode.OK, await reset.Content.ReadAsStringAsync());
        var temporary = (await Api.JsonAsync(reset))["temporaryPassword"]!.GetValue<string>();

        var tokens = await TokensAsync(resident.Email, temporary);
        tokens["passwordChangeRequired"]!.GetValue<bool>().Should().BeTrue();
        var client = _api.As(tokens["accessToken"]!.GetValue<string>());
        await Api.ProblemAsync(await client.GetAsync("/api/v1/wallet"), HttpStatusCode.Forbidden, "password-change-required");
        await Api.ProblemAsync(await resident.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = resident.Password, newPassword = "x" }),
            HttpStatusCode.BadRequest, "validation");

        var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = temporary, newPassword = "Mine2027pass" });
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        (await _api.As(await _api.TokenAsync(resident.Email, "Mine2027pass")).GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordReset_ByAResident_IsForbidden()
    {
        var resident = await _api.ResidentAsync();

        var response = await resident.Client.PostAsJsonAsync("/api/v1/auth/password-resets", new { email = resident.Email });

        await Api.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Bootstrap_AdminOutsideProduction_IsNotForcedToChangeItsPassword()
    {
        var tokens = await TokensAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);

        tokens["passwordChangeRequired"]!.GetValue<bool>().Should().BeFalse();
    }

    private async Task<JsonObject> TokensAsync(string email, string password)
    {
        var response = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Api.JsonAsync(response);
    }
}

public sealed class TokenLifetimeTests(TokenLifetimeApiFactory factory) : IClassFixture<TokenLifetimeApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Token_LongLivedAccessTokens_ExpireAfter15MinutesAndARefreshGivesANewOne()
    {
        var resident = await _api.ResidentAsync();
        var response = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = resident.Email, password = resident.Password });
        var tokens = await Api.JsonAsync(response);
        tokens["expiresIn"]!.GetValue<long>().Should().Be(900);
        var client = _api.As(tokens["accessToken"]!.GetValue<string>());

        factory.Clock.Advance(TimeSpan.FromMinutes(15));

        (await client.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var refreshed = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = _api.As((await Api.JsonAsync(refreshed))["accessToken"]!.GetValue<string>());
        (await again.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class ProductionHostTests(ProductionApiFactory factory) : IClassFixture<ProductionApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Bootstrap_AdminInProduction_MustChangeItsPasswordAtFirstSignIn()
    {
        var response = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
        var tokens = await Api.JsonAsync(response);
        tokens["passwordChangeRequired"]!.GetValue<bool>().Should().BeTrue();
        var admin = _api.As(tokens["accessToken"]!.GetValue<string>());

        await Api.ProblemAsync(await admin.GetAsync("/api/v1/ledger/verify"), HttpStatusCode.Forbidden, "password-change-required");
        (await admin.GetAsync("/hangfire")).StatusCode.Should().NotBe(HttpStatusCode.OK);

        var changed = await admin.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFactory.AdminPassword, newPassword = "CityHall2027x" });
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        var withNewPassword = _api.As(await _api.TokenAsync(ApiFactory.AdminEmail, "CityHall2027x"));
        (await withNewPassword.GetAsync("/api/v1/ledger/verify")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task KeyRing_TokenSigningKeysStoredInTheClear_AreEncryptedWithTheConfiguredCertificate()
    {
        var resident = await _api.ResidentAsync();
        (await resident.Client.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK);

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

        keys.Should().NotBeEmpty();
        keys.Should().OnlyContain(x => x.Contains("EncryptedData", StringComparison.Ordinal) && !x.Contains("<masterKey", StringComparison.Ordinal),
            "a copy of the database must not hold a usable signing key");
    }

    [Fact]
    public async Task KeyRing_EncryptedWithTheCertificate_IsReadBackAfterARestart()
    {
        var resident = await _api.ResidentAsync();
        var token = resident.Client.DefaultRequestHeaders.Authorization!.Parameter!;

        await using var restarted = new RestartedProductionApiFactory(factory);
        var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        (await client.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class ProductionStartUpTests
{
    [Fact]
    public async Task Start_InProductionWithoutKeyRingProtection_StopsWithOneLineNamingTheSetting()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Tsuyama.LocalCurrency.Web.dll");
        var directory = Path.Combine(Path.GetTempPath(), "tlc-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [host, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Ledger"] = $"Data Source={Path.Combine(directory, "ledger.db")}";

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(2);
        (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Contain("DataProtection:CertificatePath").And.Contain("Production");
    }
}

public sealed class ForwardedHeadersTests(ProxiedApiFactory factory) : IClassFixture<ProxiedApiFactory>
{
    [Fact]
    public async Task RateLimit_BehindAKnownProxy_CountsEachForwardedClientSeparately()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var resident = 1; resident <= 4; resident++)
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                statuses.Add(await SignInAsync(client, ProxiedApiFactory.Proxy, $"203.0.113.{resident}"));
            }
        }

        statuses.Should().OnlyContain(s => s == HttpStatusCode.Unauthorized, "each resident behind the proxy has their own 2 attempts");
    }

    [Fact]
    public async Task RateLimit_FromAnUnknownPeer_IgnoresItsForwardedHeader()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            statuses.Add(await SignInAsync(client, "198.51.100.7", $"203.0.113.{100 + i}"));
        }

        statuses.Take(2).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(2).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests, "a forged X-Forwarded-For must not buy fresh attempts");
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("203.0.113.1", "::ffff:203.0.113.1", true)]
    [InlineData("203.0.113.1", "203.0.113.2", false)]
    public void Partition_OfTwoAddresses_IsSharedOnlyWithinOneIpv4AddressOrIpv6Slash64(string a, string b, bool shared)
    {
        (ClientNetwork.Partition(IPAddress.Parse(a)) == ClientNetwork.Partition(IPAddress.Parse(b))).Should().Be(shared);
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = "nobody@test.example", password = "wrongpass1" }),
        };
        request.Headers.Add(ProxiedApiFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }
}

public sealed class StaffTokenRevocationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task SignOut_TokensCannotBeRevoked_AnAdminAccessTokenStopsWorkingAtOnce()
    {
        var admin = await _api.AdminAsync();
        (await admin.GetAsync("/api/v1/ledger/verify")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.PostAsJsonAsync("/api/v1/auth/sign-out", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await Api.ProblemAsync(await admin.GetAsync("/api/v1/ledger/verify"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task SignOut_OfAResident_LeavesTheAccessTokenValidUntilItExpires()
    {
        var resident = await _api.ResidentAsync();

        (await resident.Client.PostAsJsonAsync("/api/v1/auth/sign-out", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await resident.Client.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK, "the documented bound is the 15-minute lifetime");
    }
}

public sealed class LockoutConfigurationTests(StrictLockoutApiFactory factory) : IClassFixture<StrictLockoutApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Token_WithAConfiguredLockout_LocksAfterItsFailuresForItsDuration()
    {
        var resident = await _api.ResidentAsync();
        var client = _api.Anonymous();

        await Api.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = resident.Email, password = "wrong-guess1" }),
            HttpStatusCode.Unauthorized, "unauthorized");
        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = resident.Email, password = "wrong-guess1" });

        (await Api.ProblemAsync(locked, (HttpStatusCode)423, "locked-out"))["retryAfter"]!.GetValue<DateTimeOffset>()
            .Should().Be(factory.Clock.GetUtcNow().AddHours(1));
    }
}
