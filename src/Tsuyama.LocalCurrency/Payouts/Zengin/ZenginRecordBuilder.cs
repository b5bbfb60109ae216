using System.Globalization;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>
/// Composes one 120-byte record. Starts as all spaces, so untouched fields (fillers, unused codes)
/// are blank; refuses any value that does not fit its field rather than shifting later fields.
/// </summary>
internal sealed class ZenginRecordBuilder
{
    private readonly byte[] _bytes = new byte[ZenginLayout.RecordLength];

    public ZenginRecordBuilder(byte recordType)
    {
        Array.Fill(_bytes, (byte)' ');
        _bytes[0] = recordType;
    }

    /// <summary>A non-negative number, right-aligned and zero-padded.</summary>
    public ZenginRecordBuilder Number(ZenginField field, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return Digits(field, value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A digit string (codes keep their leading zeros), right-aligned and zero-padded.</summary>
    public ZenginRecordBuilder Digits(ZenginField field, string digits)
    {
        if (digits.Length > field.Width || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"\"{digits}\" is not a number of at most {field.Width} digits.", nameof(digits));
        }

        var padded = digits.PadLeft(field.Width, '0');
        for (var i = 0; i < padded.Length; i++)
        {
            _bytes[field.Offset + i] = (byte)padded[i];
        }

        return this;
    }

    /// <summary>Bank kana text, left-aligned and space-padded.</summary>
    public ZenginRecordBuilder Text(ZenginField field, string bankKana)
    {
        if (!BankKana.IsBankKana(bankKana) || bankKana.Length > field.Width)
        {
            throw new ArgumentException($"\"{bankKana}\" is not bank kana of at most {field.Width} bytes.", nameof(bankKana));
        }

        var written = ZenginEncoding.ShiftJis.GetBytes(bankKana, 0, bankKana.Length, _bytes, field.Offset);
        if (written != bankKana.Length)
        {
            // Bank kana is single-byte by construction; anything else would misalign the record.
            throw new InvalidOperationException($"\"{bankKana}\" encoded to {written} bytes instead of {bankKana.Length}.");
        }

        return this;
    }

    public byte[] ToArray() => (byte[])_bytes.Clone();
}
