namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// One link of the tamper-evidence chain: SHA-256 over the previous block's hash and the canonical
/// rows of transfers <see cref="FirstSequence"/>..<see cref="LastSequence"/>.
/// </summary>
public sealed class SealBlock
{
    public long Number { get; init; }
    public long FirstSequence { get; init; }
    public long LastSequence { get; init; }
    public int TransferCount { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
    public DateTime SealedAt { get; init; }
    /// <summary>HMAC-SHA256 of the block head with the seal key kept outside the database (SealOptions); null when no key was configured.</summary>
    public string? Signature { get; init; }
}
