using System.Text;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0), the checksum EMVCo
/// puts in tag 63. Check value: "123456789" → 0x29B1.
/// </summary>
public static class Crc16CcittFalse
{
    public const ushort Initial = 0xFFFF;

    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data) => Update(Initial, data);

    /// <summary>
    /// CRC over the UTF-8 encoding of <paramref name="text"/>, encoded rune by rune on the stack
    /// so that checking a scanned payload allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The text contains a lone surrogate, which has no UTF-8 form.</exception>
    public static ushort Compute(ReadOnlySpan<char> text)
    {
        var crc = Initial;
        Span<byte> buffer = stackalloc byte[4];
        var rest = text;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw new ArgumentException("Text contains an unpaired surrogate.", nameof(text));
            }

            var written = rune.EncodeToUtf8(buffer);
            crc = Update(crc, buffer[..written]);
            rest = rest[consumed..];
        }

        return crc;
    }

    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>The four upper-case hex digits EMVCo writes after "6304".</summary>
    public static string ToHex(ushort crc) => crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var value = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 0x8000) != 0 ? (ushort)((value << 1) ^ 0x1021) : (ushort)(value << 1);
            }

            table[i] = value;
        }

        return table;
    }
}
