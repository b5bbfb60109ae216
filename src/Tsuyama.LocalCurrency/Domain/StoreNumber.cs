using System.Security.Cryptography;
using System.Text;

namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// 店舗番号: the six digits printed under a shop's QR, typed by a resident whose camera cannot read
/// it. Five random digits and a Luhn check digit, so one mistyped digit or two swapped neighbours
/// are refused as a typo instead of paying another shop.
/// </summary>
public static class StoreNumber
{
    public const int Length = 6;

    /// <summary>A fresh well-formed number (first digit never 0, so it survives a spreadsheet).</summary>
    public static string Generate()
    {
        var body = RandomNumberGenerator.GetInt32(10_000, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return body + CheckDigit(body);
    }

    /// <summary>
    /// Full-width digits (１２３), spaces and hyphens as a resident may type them become ASCII
    /// digits; anything else is kept so that <see cref="IsWellFormed"/> refuses it.
    /// </summary>
    public static string Normalize(string? input) =>
        new((input ?? "").Normalize(NormalizationForm.FormKC).Where(c => c is not (' ' or '-' or '\u3000')).ToArray());

    public static bool IsWellFormed(string? number) =>
        number is { Length: Length } && number.All(char.IsAsciiDigit) && number[^1] == CheckDigit(number[..^1]);

    /// <summary>Could be the start of a store number: used to search the directory while typing.</summary>
    public static bool IsDigitsPrefix(string text) => text.Length is > 0 and <= Length && text.All(char.IsAsciiDigit);

    private static char CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            // Luhn: double every second digit counting from the right of the body.
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
