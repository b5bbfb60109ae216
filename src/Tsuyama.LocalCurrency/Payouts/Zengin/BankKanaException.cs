using System.Globalization;
using System.Text;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>A character that cannot be written in a Zengin text field.</summary>
public sealed class BankKanaException : FormatException
{
    /// <summary>Creates the exception for <paramref name="character"/> found at <paramref name="index"/> of <paramref name="text"/>.</summary>
    public BankKanaException(string text, Rune character, int index)
        : base(Describe(text, character, index))
    {
        Text = text;
        Character = character;
        Index = index;
    }

    /// <summary>The whole input that was being converted.</summary>
    public string Text { get; }

    /// <summary>The offending character (a full code point, so emoji are named whole).</summary>
    public Rune Character { get; }

    /// <summary>UTF-16 index of the character in <see cref="Text"/>.</summary>
    public int Index { get; }

    private static string Describe(string text, Rune character, int index)
    {
        var hint = IsKanji(character)
            ? "kanji cannot be converted to kana automatically; pass the kana reading (nameKana / holderKana)"
            : "bank files allow only kana, A-Z, 0-9, space and ( ) - . / , \\";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Character '{character}' (U+{character.Value:X4}) at position {index} of \"{text}\" cannot be written in a Zengin file: {hint}.");
    }

    private static bool IsKanji(Rune r) =>
        r.Value is >= 0x4E00 and <= 0x9FFF // CJK unified ideographs
            or >= 0x3400 and <= 0x4DBF // extension A
            or >= 0xF900 and <= 0xFAFF // compatibility ideographs
            or >= 0x20000 and <= 0x3134F // extensions B–G
            or 0x3005; // 々
}
