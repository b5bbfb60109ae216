using System.Security.Cryptography;
using System.Text;

namespace Tsuyama.LocalCurrency.Ledger;

/// <summary>
/// Bound from the <c>Seal</c> configuration section: the anchor of the seal chain outside the
/// database. Anyone who can write the database can rewrite transfers and recompute every block
/// hash; they cannot sign the new heads without the key, nor change a head hash kept elsewhere.
/// </summary>
public sealed class SealOptions
{
    public const string Section = "Seal";

    /// <summary>HMAC-SHA256 key, base64 (at least 32 bytes), e.g. from a secret store. Wins over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key (base64 text, or at least 32 raw bytes), readable only by the service account.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Where the sealing job writes the newest block's hash after each run (e.g. a file another system archives).</summary>
    public string? HeadFile { get; set; }

    /// <summary>The signing key, or null when none is configured (blocks are then chained but not signed).</summary>
    public byte[]? LoadKey()
    {
        if (!string.IsNullOrWhiteSpace(Key))
        {
            return Checked(Convert.FromBase64String(Key.Trim()), "Seal:Key");
        }

        if (string.IsNullOrWhiteSpace(KeyFile))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(KeyFile);
        var text = Encoding.ASCII.GetString(bytes).Trim();
        try
        {
            return Checked(Convert.FromBase64String(text), "Seal:KeyFile");
        }
        catch (FormatException)
        {
            return Checked(bytes, "Seal:KeyFile");
        }
    }

    /// <summary>HMAC-SHA256 over the block's number, range and hash, lower-case hex.</summary>
    public static string Sign(byte[] key, long number, long lastSequence, string hash) =>
        Convert.ToHexString(HMACSHA256.HashData(
                key, Encoding.ASCII.GetBytes(FormattableString.Invariant($"{number}|{lastSequence}|{hash.ToLowerInvariant()}"))))
            .ToLowerInvariant();

    private static byte[] Checked(byte[] key, string source) =>
        key.Length >= 32 ? key : throw new InvalidOperationException($"{source} must hold at least 32 bytes of key material (base64 or raw).");
}
