using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>
/// Converts names to the characters a Zengin file accepts: half-width katakana (JIS X 0201) with
/// ﾞ/ﾟ as separate characters, A–Z, 0–9, space and <c>( ) - . / , \</c>. Every result character is
/// one byte in Shift_JIS, so the length of a converted string is its byte length.
/// </summary>
public static class BankKana
{
    /// <summary>
    /// Converts <paramref name="text"/>: kana (full-width, hiragana, half-width) to full-size
    /// half-width katakana, full-width ASCII to ASCII, lower case to upper case, ー/ｰ and dashes to
    /// '-', ・ to '.', full-width space to space, ¥ to '\'. Legal-form kanji (株式会社 ...) are read
    /// as kana; any other kanji, emoji or unsupported symbol throws <see cref="BankKanaException"/>.
    /// </summary>
    /// <param name="text">The name, normally its kana reading.</param>
    /// <param name="abbreviateLegalForms">Write legal forms the way banks register corporate accounts (株式会社ﾔﾏﾀﾞ → ｶ)ﾔﾏﾀﾞ).</param>
    public static string Convert(string text, bool abbreviateLegalForms = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            if (BankKanaLegalForms.KanjiAt(text.AsSpan(i)) is { } form)
            {
                result.Append(form.Reading);
                i += form.Kanji.Length;
                continue;
            }

            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done || !TryMap(rune, result))
            {
                throw new BankKanaException(text, status == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar, i);
            }

            i += consumed;
        }

        var converted = result.ToString();
        return abbreviateLegalForms ? BankKanaLegalForms.Abbreviate(converted) : converted;
    }

    /// <summary>Like <see cref="Convert"/>, reporting failure as a message instead of an exception.</summary>
    public static bool TryConvert(
        string text,
        [NotNullWhen(true)] out string? converted,
        [NotNullWhen(false)] out string? error,
        bool abbreviateLegalForms = false)
    {
        try
        {
            converted = Convert(text, abbreviateLegalForms);
            error = null;
            return true;
        }
        catch (BankKanaException e)
        {
            converted = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Cuts already converted bank kana to at most <paramref name="maxBytes"/> bytes. A kana whose
    /// ﾞ/ﾟ would fall outside the limit is dropped with its mark, never written without it.
    /// </summary>
    public static string Truncate(string bankKana, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(bankKana);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (!IsBankKana(bankKana))
        {
            throw new ArgumentException("Truncate expects text already converted by BankKana.Convert.", nameof(bankKana));
        }

        if (bankKana.Length <= maxBytes)
        {
            return bankKana;
        }

        var cut = maxBytes;
        while (cut > 0 && BankKanaTables.IsVoicingMark(bankKana[cut]))
        {
            cut--;
        }

        return bankKana[..cut];
    }

    /// <summary><see cref="Convert"/> then <see cref="Truncate"/>.</summary>
    public static string ConvertAndTruncate(string text, int maxBytes, bool abbreviateLegalForms = false) =>
        Truncate(Convert(text, abbreviateLegalForms), maxBytes);

    /// <summary>Whether every character of <paramref name="text"/> may be written to a Zengin text field as is.</summary>
    public static bool IsBankKana(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!BankKanaTables.IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryMap(Rune rune, StringBuilder result)
    {
        if (!rune.IsBmp)
        {
            return false; // emoji and rare ideographs
        }

        var c = (char)rune.Value;
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0); // full-width ASCII block mirrors ASCII
        }
        else if (c is >= '\u3041' and <= '\u3096')
        {
            c = (char)(c + 0x60); // hiragana block mirrors katakana
        }

        if (BankKanaTables.Katakana.TryGetValue(c, out var kana))
        {
            result.Append(kana);
            return true;
        }

        if (BankKanaTables.HalfWidthSmallKana.TryGetValue(c, out var fullSize))
        {
            result.Append(fullSize);
            return true;
        }

        char? mapped = c switch
        {
            >= 'a' and <= 'z' => char.ToUpperInvariant(c),
            '\u3000' => ' ',
            'ー' or 'ｰ' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
            '・' or '･' => '.',
            '\u3099' or '\u309B' => BankKanaTables.VoicedMark,
            '\u309A' or '\u309C' => BankKanaTables.SemiVoicedMark,
            '¥' or '￥' => '\\',
            _ when BankKanaTables.IsAllowed(c) => c,
            _ => null,
        };
        if (mapped is null)
        {
            return false;
        }

        result.Append(mapped.Value);
        return true;
    }
}
