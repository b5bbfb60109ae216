using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Ledger;

/// <summary>
/// The canonical form of a transfer row for the seal chain. Any change to a sealed row's values,
/// a deleted row or an inserted one changes its block's hash.
/// </summary>
public static class SealHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static IncrementalHash Begin(string previousHash)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Convert.FromHexString(previousHash));
        return hash;
    }

    public static void Append(IncrementalHash hash, Transfer t)
    {
        Span<char> chars = stackalloc char[320];
        // One canonical line, written in two halves only to keep the source readable; the bytes hashed are the same.
        if (!chars.TryWrite(CultureInfo.InvariantCulture,
                $"{t.Sequence}|{t.Id:N}|{t.ProgramId:N}|{(int)t.Kind}|{t.FromAccountId:N}|{t.ToAccountId:N}|",
                out var first)
            || !chars[first..].TryWrite(CultureInfo.InvariantCulture,
                $"{t.Amount}|{(int)t.Type}|{t.OperationId:N}|{t.CreatedAt.Ticks}\n",
                out var second))
        {
            throw new InvalidOperationException("A canonical transfer row did not fit its buffer.");
        }

        Span<byte> bytes = stackalloc byte[320];
        var count = Encoding.ASCII.GetBytes(chars[..(first + second)], bytes);
        hash.AppendData(bytes[..count]);
    }

    public static string Finish(IncrementalHash hash) => Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
}
