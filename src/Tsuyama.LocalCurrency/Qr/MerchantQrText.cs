using System.Globalization;
using System.Text;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>Turns merchant master data into values that fit the EMVCo fields.</summary>
internal static class MerchantQrText
{
    /// <summary>
    /// Tag 59 is ASCII only and at most 25 long. Hepburn macrons ("Shōten") are common in
    /// registered names, so diacritics are folded away rather than refused.
    /// </summary>
    public static string RomajiName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"The romaji name must be ASCII; \"{c}\" is not.", nameof(name));
            }

            folded.Append(c);
        }

        var ascii = CollapseSpaces(folded.ToString());
        return ascii.Length <= 25 ? ascii : ascii[..25].TrimEnd();
    }

    /// <summary>
    /// Template 64 name, NFC-normalised so decomposed kana (か + ゛) count as one character, and
    /// cut at a grapheme boundary so no character is split.
    /// </summary>
    public static string JapaneseName(string name, int maxCharacters = 25)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var normalized = CollapseSpaces(name.Normalize(NormalizationForm.FormC));
        if (normalized.Any(char.IsControl))
        {
            throw new ArgumentException("The Japanese name contains a control character.", nameof(name));
        }

        var result = new StringBuilder();
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(normalized);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var runes = EmvcoText.CharacterCount(element);
            if (count + runes > maxCharacters)
            {
                break;
            }

            result.Append(element);
            count += runes;
        }

        return result.ToString().TrimEnd();
    }

    public static string PostalCode(string postalCode)
    {
        ArgumentNullException.ThrowIfNull(postalCode);
        var digits = postalCode.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        return digits.Length == 7 && digits.All(char.IsAsciiDigit)
            ? digits
            : throw new ArgumentException($"A Japanese postal code has 7 digits; got \"{postalCode}\".", nameof(postalCode));
    }

    public static string CategoryCode(string mcc)
    {
        ArgumentNullException.ThrowIfNull(mcc);
        return mcc.Length == 4 && mcc.All(char.IsAsciiDigit)
            ? mcc
            : throw new ArgumentException($"A merchant category code has 4 digits; got \"{mcc}\".", nameof(mcc));
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
