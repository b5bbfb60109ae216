namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// One signed-in device: the hash of its current refresh token. A refresh replaces the hash (the
/// old token stops working); presenting the previous token again means it was copied, and revokes
/// the session. Sign-out, a password change and an Admin reset set <see cref="RevokedAt"/>.
/// </summary>
public sealed class SignInSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>SHA-256 (hex) of the refresh token; the token itself is never stored.</summary>
    public string TokenHash { get; set; } = "";
    public string? PreviousTokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
