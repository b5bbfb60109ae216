using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>The bearer-ticket cache saves the unprotection of a token used again, and accepts nothing the protector would not.</summary>
public sealed class BearerTicketCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return inner.Unprotect(protectedText, purpose);
        }
    }

    private static (CachedBearerTickets Cache, CountingFormat Inner, FakeTimeProvider Clock) Create()
    {
        var clock = new FakeTimeProvider(Now);
        var inner = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        return (new CachedBearerTickets(inner, clock), inner, clock);
    }

    private static string Token(CachedBearerTickets cache, string user, TimeSpan lifetime) =>
        cache.Protect(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "Bearer")),
            new AuthenticationProperties { IssuedUtc = Now, ExpiresUtc = Now + lifetime }, "Bearer"));

    [Fact]
    public void Unprotect_OfATokenUsedAgain_DecryptsItOnceAndGivesEachCallerItsOwnCopy()
    {
        var (cache, inner, _) = Create();
        var token = Token(cache, "hanako", TimeSpan.FromMinutes(15));

        var first = cache.Unprotect(token)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added-by", "one request"));
        var second = cache.Unprotect(token)!;

        inner.Unprotected.Should().Be(1);
        second.Principal.Identity!.Name.Should().Be("hanako");
        second.Principal.HasClaim(c => c.Type == "added-by").Should().BeFalse();
        second.Should().NotBeSameAs(first);
    }

    [Fact]
    public void Unprotect_AfterTheTicketExpired_AsksTheProtectorAgainAndDropsTheEntry()
    {
        var (cache, inner, clock) = Create();
        var token = Token(cache, "hanako", TimeSpan.FromMinutes(15));
        cache.Unprotect(token);

        clock.Advance(TimeSpan.FromMinutes(15));
        var expired = cache.Unprotect(token);

        inner.Unprotected.Should().Be(2);
        expired!.Properties.ExpiresUtc.Should().Be(Now + TimeSpan.FromMinutes(15), "the bearer handler refuses it by this expiry");
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void Unprotect_OfATamperedOrForeignToken_IsRefusedAndNotRemembered()
    {
        var (cache, inner, _) = Create();
        var token = Token(cache, "hanako", TimeSpan.FromMinutes(15));
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        cache.Unprotect(tampered).Should().BeNull();
        cache.Unprotect(tampered).Should().BeNull();

        inner.Unprotected.Should().Be(2);
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void Unprotect_OfMoreTokensThanItsCapacity_StaysBounded()
    {
        var (cache, _, _) = Create();

        for (var i = 0; i <= CachedBearerTickets.Capacity; i++)
        {
            cache.Unprotect(Token(cache, $"r{i}", TimeSpan.FromMinutes(15))).Should().NotBeNull();
        }

        cache.Count.Should().BeLessThanOrEqualTo(CachedBearerTickets.Capacity);
    }
}

/// <summary>The cache as the host wires it: a resident's token keeps working until its lifetime ends, then it is refused.</summary>
public sealed class BearerTicketCacheHostTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task ResidentToken_UsedAgainAndAgain_WorksUntilItsLifetimeEndsAndIsThenRefused()
    {
        var resident = await _api.ResidentAsync();
        var protector = factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        protector.Should().BeOfType<CachedBearerTickets>();
        for (var i = 0; i < 3; i++)
        {
            (await resident.Client.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(15));

        (await resident.Client.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await _api.SignInAgainAsync(resident)).Client.GetAsync("/api/v1/wallet")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
