using System.Security.Cryptography;
using System.Text;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Format of the one-time code a resident shows at the till (CPM). Twenty digits: nineteen random
/// (the first never 0, so spreadsheets and barcode readers keep every digit; about 63 bits, ample
/// for a short-lived single-use code) and a Luhn check digit, which catches every single mistyped
/// digit and almost every swap of neighbours. Twenty is even, so Code128 set C prints it compactly.
/// The QR code contains exactly the same twenty digits, so barcode, QR and typed entry are one format.
/// Storage, expiry and binding to the resident live outside this type.
/// </summary>
public static class PaymentCodeFormat
{
    public const int Length = 20;

    /// <summary>A fresh code from a cryptographic random source.</summary>
    public static string Generate()
    {
        Span<char> digits = stackalloc char[Length];
        digits[0] = (char)('0' + RandomNumberGenerator.GetInt32(1, 10));
        for (var i = 1; i < Length - 1; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(0, 10));
        }

        digits[Length - 1] = (char)('0' + LuhnCheckDigit(digits[..^1]));
        return new string(digits);
    }

    /// <summary>Text to put in the QR code: the digits themselves.</summary>
    public static string ToQrPayload(string code) => Parse(code);

    /// <summary>Groups of four for people to read aloud or type: "1234 5678 9012 3456 7890".</summary>
    public static string FormatForDisplay(string code)
    {
        var digits = Parse(code);
        var builder = new StringBuilder(Length + (Length / 4));
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Normalises a typed or scanned code: full-width digits (Japanese IME) become ASCII, and spaces
    /// and hyphens are dropped. Returns the 20 digits.
    /// </summary>
    /// <exception cref="QrFormatException">Wrong length, not digits, or the check digit does not match.</exception>
    public static string Parse(string? input)
    {
        var normalized = (input ?? string.Empty).Normalize(NormalizationForm.FormKC);
        var digits = new StringBuilder(Length);
        foreach (var c in normalized)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c != '-')
            {
                throw new QrFormatException(QrRejectionReason.PaymentCodeMalformed, "A payment code contains only digits.");
            }
        }

        if (digits.Length != Length)
        {
            throw new QrFormatException(QrRejectionReason.PaymentCodeMalformed, $"A payment code has {Length} digits; got {digits.Length}.");
        }

        var code = digits.ToString();
        if (LuhnCheckDigit(code.AsSpan(0, Length - 1)) != code[^1] - '0')
        {
            throw new QrFormatException(
                QrRejectionReason.PaymentCodeCheckDigit,
                "The payment code's check digit does not match; a digit was probably mistyped.");
        }

        return code;
    }

    public static bool TryParse(string? input, out string code)
    {
        try
        {
            code = Parse(input);
            return true;
        }
        catch (QrFormatException)
        {
            code = string.Empty;
            return false;
        }
    }

    /// <summary>Luhn (mod 10) check digit for <paramref name="payload"/> digits.</summary>
    internal static int LuhnCheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        var doubleIt = true; // the digit next to the check digit is doubled
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }
}
