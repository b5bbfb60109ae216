using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// Remembers what the bearer-token protector unprotected, keyed by the token string, so a resident's app that pays
/// again with the same token costs a dictionary lookup instead of a decryption, a MAC check and a ticket
/// deserialisation on every request. This changes nothing about which tokens are accepted: a token string always
/// unprotects to the same ticket; an entry is dropped once its ticket has expired (and the bearer handler checks
/// the expiry again on what it gets); residents' and merchants' tokens were never revocable before their expiry
/// (ADR 0008), and staff tokens are still checked against their session and security stamp on every request
/// (<see cref="StaffSessionCheck"/>), after authentication. Each caller gets its own copy of the ticket, so nothing a
/// request does to its principal reaches another. Bounded: when full, the cache starts again empty.
/// </summary>
internal sealed class CachedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>About a few kilobytes an entry; sized for the residents paying within one token lifetime on a busy day.</summary>
    internal const int Capacity = 4_096;

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    internal int Count => _tickets.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = clock.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var cached))
        {
            if (cached.Properties.ExpiresUtc > now)
            {
                return Copy(cached);
            }

            _tickets.TryRemove(protectedText, out _);
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc > now)
        {
            if (_tickets.Count >= Capacity)
            {
                _tickets.Clear();
            }

            _tickets[protectedText] = Copy(ticket);
        }

        return ticket;
    }

    // ClaimsPrincipal.Clone shares its identities; cloning each identity copies the claims too.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
