using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity;

/// <summary>Refresh tokens: 256 random bits; only their SHA-256 is stored.</summary>
internal static class SignInSessions
{
    public static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Ends every session of the user: after a password change or reset no old refresh token works.</summary>
    public static Task<int> RevokeAllAsync(LedgerDbContext db, Guid userId, DateTime now, CancellationToken ct) =>
        db.SignInSessions.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
}
