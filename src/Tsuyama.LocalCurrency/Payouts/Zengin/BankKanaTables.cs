using System.Collections.Frozen;
using System.Text;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>Character maps behind <see cref="BankKana"/>.</summary>
internal static class BankKanaTables
{
    public const char VoicedMark = 'ﾞ'; // U+FF9E
    public const char SemiVoicedMark = 'ﾟ'; // U+FF9F

    // Full-width base kana and their JIS X 0201 half-width forms, position for position.
    private const string FullWidthBase = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
    private const string HalfWidthBase = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";

    // Banks reject small kana, so they become full-size; ヵヶ and the obsolete ヰヱ have no
    // half-width form of their own and are written as the sound they stand for.
    private const string FullWidthExtra = "ァィゥェォッャュョヮヵヶヰヱ";
    private const string HalfWidthExtra = "ｱｲｳｴｵﾂﾔﾕﾖﾜｶｹｲｴ";

    private const string HalfWidthSmall = "ｧｨｩｪｫｯｬｭｮ";
    private const string HalfWidthSmallAsFullSize = "ｱｲｳｴｵﾂﾔﾕﾖ";

    /// <summary>Full-width katakana (U+30A1–U+30FA) to bank half-width, voiced kana as two characters.</summary>
    public static readonly FrozenDictionary<char, string> Katakana = BuildKatakana();

    /// <summary>Half-width small kana to full-size half-width.</summary>
    public static readonly FrozenDictionary<char, char> HalfWidthSmallKana =
        HalfWidthSmall.Zip(HalfWidthSmallAsFullSize).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>Whether <paramref name="c"/> may appear in a Zengin text field as is.</summary>
    public static bool IsAllowed(char c) =>
        c is >= 'ｱ' and <= 'ﾟ' // U+FF71–U+FF9F: full-size kana, ﾝ, ﾞ, ﾟ
            or 'ｦ'
            or >= 'A' and <= 'Z'
            or >= '0' and <= '9'
            or ' ' or '(' or ')' or '-' or '.' or '/' or ',' or '\\';

    public static bool IsVoicingMark(char c) => c is VoicedMark or SemiVoicedMark;

    private static FrozenDictionary<char, string> BuildKatakana()
    {
        var map = new Dictionary<char, string>();
        foreach (var (full, half) in FullWidthBase.Zip(HalfWidthBase).Concat(FullWidthExtra.Zip(HalfWidthExtra)))
        {
            map[full] = half.ToString();
        }

        // Voiced kana (ガ, パ, ヴ, ヷ ...) decompose canonically into base + U+3099/U+309A; the bank
        // form is the half-width base followed by its own mark byte.
        for (var c = '\u30A1'; c <= '\u30FA'; c++)
        {
            if (map.ContainsKey(c))
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length == 2 && map.TryGetValue(decomposed[0], out var baseKana))
            {
                var mark = decomposed[1] switch
                {
                    '\u3099' => VoicedMark,
                    '\u309A' => SemiVoicedMark,
                    _ => default,
                };
                if (mark != default)
                {
                    map[c] = baseKana + mark;
                }
            }
        }

        return map.ToFrozenDictionary();
    }
}
