namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>
/// Legal-form words (株式会社 ...) with their fixed readings and the Zengin payee-name abbreviations
/// (受取人名略語) banks register corporate account names with.
/// </summary>
internal static class BankKanaLegalForms
{
    internal sealed record LegalForm(string Kanji, string Reading, string Abbreviation);

    // Longest reading first so 一般社団法人 wins over 社団法人.
    public static readonly IReadOnlyList<LegalForm> All = new LegalForm[]
    {
        new("特定非営利活動法人", "ﾄｸﾃｲﾋｴｲﾘｶﾂﾄﾞｳﾎｳｼﾞﾝ", "ﾄｸﾋ"),
        new("一般社団法人", "ｲﾂﾊﾟﾝｼﾔﾀﾞﾝﾎｳｼﾞﾝ", "ｼﾔ"),
        new("一般財団法人", "ｲﾂﾊﾟﾝｻﾞｲﾀﾞﾝﾎｳｼﾞﾝ", "ｻﾞｲ"),
        new("公益社団法人", "ｺｳｴｷｼﾔﾀﾞﾝﾎｳｼﾞﾝ", "ｼﾔ"),
        new("公益財団法人", "ｺｳｴｷｻﾞｲﾀﾞﾝﾎｳｼﾞﾝ", "ｻﾞｲ"),
        new("社会福祉法人", "ｼﾔｶｲﾌｸｼﾎｳｼﾞﾝ", "ﾌｸ"),
        new("合同会社", "ｺﾞｳﾄﾞｳｶﾞｲｼﾔ", "ﾄﾞ"),
        new("株式会社", "ｶﾌﾞｼｷｶﾞｲｼﾔ", "ｶ"),
        new("有限会社", "ﾕｳｹﾞﾝｶﾞｲｼﾔ", "ﾕ"),
        new("合名会社", "ｺﾞｳﾒｲｶﾞｲｼﾔ", "ﾒ"),
        new("合資会社", "ｺﾞｳｼｶﾞｲｼﾔ", "ｼ"),
        new("医療法人", "ｲﾘﾖｳﾎｳｼﾞﾝ", "ｲ"),
        new("社団法人", "ｼﾔﾀﾞﾝﾎｳｼﾞﾝ", "ｼﾔ"),
        new("財団法人", "ｻﾞｲﾀﾞﾝﾎｳｼﾞﾝ", "ｻﾞｲ"),
    };

    /// <summary>The legal form whose kanji spelling starts <paramref name="text"/>, if any.</summary>
    public static LegalForm? KanjiAt(ReadOnlySpan<char> text)
    {
        foreach (var form in All)
        {
            if (text.StartsWith(form.Kanji, StringComparison.Ordinal))
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>
    /// Replaces spelled-out legal forms in bank kana by the abbreviation, bracketed by position:
    /// leading "ｶ)ﾔﾏﾀﾞ", trailing "ﾔﾏﾀﾞ(ｶ", inside "ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ".
    /// </summary>
    public static string Abbreviate(string bankKana)
    {
        var s = bankKana;
        foreach (var form in All)
        {
            var start = 0;
            int index;
            while (start < s.Length && (index = s.IndexOf(form.Reading, start, StringComparison.Ordinal)) >= 0)
            {
                var end = index + form.Reading.Length;
                var before = s[..index].TrimEnd(' ');
                var after = s[end..].TrimStart(' ');
                // A following voicing mark means the match is a different word; a name that is only
                // the legal form has nothing to abbreviate against.
                if ((end < s.Length && BankKanaTables.IsVoicingMark(s[end])) || (before.Length == 0 && after.Length == 0))
                {
                    start = index + 1;
                    continue;
                }

                var replacement = (before.Length == 0, after.Length == 0) switch
                {
                    (true, _) => form.Abbreviation + ")",
                    (_, true) => "(" + form.Abbreviation,
                    _ => "(" + form.Abbreviation + ")",
                };
                s = before + replacement + after;
                start = before.Length + replacement.Length;
            }
        }

        return s;
    }
}
