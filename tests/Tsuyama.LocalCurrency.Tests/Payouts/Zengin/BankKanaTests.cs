using Tsuyama.LocalCurrency.Payouts.Zengin;
using static Tsuyama.LocalCurrency.Tests.Payouts.Zengin.ZenginTestData;

namespace Tsuyama.LocalCurrency.Tests.Payouts.Zengin;

public class BankKanaTests
{
    [Theory]
    [InlineData("ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("やまだ たろう", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("パン", "ﾊﾟﾝ")]
    [InlineData("ヴィ", "ｳﾞｲ")]
    [InlineData("ゔ", "ｳﾞ")]
    [InlineData("カ\u3099", "ｶﾞ")] // decomposed input
    [InlineData("ヲ", "ｦ")]
    public void Convert_Kana_BecomesHalfWidthWithSeparateMarks(string input, string expected)
    {
        BankKana.Convert(input).Should().Be(expected);
    }

    [Fact]
    public void Convert_VoicedKana_EncodesAsTwoSingleBytes()
    {
        ShiftJis.GetBytes(BankKana.Convert("ガパ")).Should().Equal(0xB6, 0xDE, 0xCA, 0xDF);
    }

    [Fact]
    public void Convert_HalfWidthA_Is0xB1()
    {
        ShiftJis.GetBytes(BankKana.Convert("ア")).Should().Equal(0xB1);
    }

    [Fact]
    public void Convert_FullWidthSmallKana_BecomeFullSize()
    {
        BankKana.Convert("ァィゥェォッャュョヮ").Should().Be("ｱｲｳｴｵﾂﾔﾕﾖﾜ");
        BankKana.Convert("ぁぃぅぇぉっゃゅょゎ").Should().Be("ｱｲｳｴｵﾂﾔﾕﾖﾜ");
    }

    [Fact]
    public void Convert_HalfWidthSmallKana_BecomeFullSize()
    {
        BankKana.Convert("ｧｨｩｪｫｯｬｭｮ").Should().Be("ｱｲｳｴｵﾂﾔﾕﾖ");
    }

    [Theory]
    [InlineData("コーヒー", "ｺ-ﾋ-")]
    [InlineData("ｺｰﾋｰ", "ｺ-ﾋ-")]
    public void Convert_LongVowelMark_BecomesHyphen(string input, string expected)
    {
        BankKana.Convert(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("abc xyz", "ABC XYZ")]
    [InlineData("ａｂｃ", "ABC")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    public void Convert_Letters_BecomeHalfWidthUpperCase(string input, string expected)
    {
        BankKana.Convert(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("ヤマダ\u3000タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("( ) - . / , \\", "( ) - . / , \\")]
    [InlineData("（）－．／，", "()-./,")]
    [InlineData("￥¥＼", "\\\\\\")]
    [InlineData("エヌ・ティー", "ｴﾇ.ﾃｲ-")]
    public void Convert_SpacesAndAllowedSymbols_AreKeptOrMapped(string input, string expected)
    {
        BankKana.Convert(input).Should().Be(expected);
    }

    [Fact]
    public void Convert_EveryKatakanaAndHiragana_YieldsOnlySingleByteBankCharacters()
    {
        var kana = Enumerable.Range(0x30A1, 0x30FA - 0x30A1 + 1).Concat(Enumerable.Range(0x3041, 0x3096 - 0x3041 + 1))
            .Select(c => ((char)c).ToString());

        foreach (var k in kana)
        {
            var converted = BankKana.Convert(k);
            BankKana.IsBankKana(converted).Should().BeTrue($"{k} → {converted}");
            ShiftJis.GetByteCount(converted).Should().Be(converted.Length, $"{k} → {converted}");
            converted.Length.Should().BeInRange(1, 2);
        }
    }

    [Fact]
    public void Convert_Kanji_IsRefusedNamingTheCharacter()
    {
        var act = () => BankKana.Convert("ヤマ田");

        var error = act.Should().Throw<BankKanaException>().Which;
        error.Message.Should().Contain("'田'").And.Contain("U+7530").And.Contain("position 2").And.Contain("kana reading");
        error.Index.Should().Be(2);
    }

    [Fact]
    public void Convert_Emoji_IsRefusedNamingTheWholeCodePoint()
    {
        var act = () => BankKana.Convert("ﾊﾟﾝ😀");

        act.Should().Throw<BankKanaException>().WithMessage("*'😀' (U+1F600)*");
    }

    [Theory]
    [InlineData("A&B")]
    [InlineData("ﾔﾏﾀﾞ!")]
    [InlineData("「ヤマダ」")]
    [InlineData("ヤマダ\t")]
    public void Convert_UnsupportedSymbol_IsRefused(string input)
    {
        var act = () => BankKana.Convert(input);

        act.Should().Throw<BankKanaException>().WithMessage("*cannot be written in a Zengin file*");
    }

    [Theory]
    [InlineData("株式会社ヤマダ", "ｶ)ﾔﾏﾀﾞ")]
    [InlineData("ヤマダ株式会社", "ﾔﾏﾀﾞ(ｶ")]
    [InlineData("ヤマダ株式会社ツヤマシテン", "ﾔﾏﾀﾞ(ｶ)ﾂﾔﾏｼﾃﾝ")]
    [InlineData("カブシキガイシャ ヤマダ", "ｶ)ﾔﾏﾀﾞ")]
    [InlineData("ヤマダ ユウゲンガイシャ", "ﾔﾏﾀﾞ(ﾕ")]
    [InlineData("合同会社ツヤマ", "ﾄﾞ)ﾂﾔﾏ")]
    [InlineData("一般社団法人ツヤマ", "ｼﾔ)ﾂﾔﾏ")]
    [InlineData("特定非営利活動法人ツヤマ", "ﾄｸﾋ)ﾂﾔﾏ")]
    public void Convert_WithAbbreviation_ShortensLegalFormsByPosition(string input, string expected)
    {
        BankKana.Convert(input, abbreviateLegalForms: true).Should().Be(expected);
    }

    [Fact]
    public void Convert_WithoutAbbreviation_ReadsLegalFormKanjiInFull()
    {
        BankKana.Convert("株式会社ヤマダ").Should().Be("ｶﾌﾞｼｷｶﾞｲｼﾔﾔﾏﾀﾞ");
    }

    [Theory]
    [InlineData("ﾔﾏﾀﾞ", 4, "ﾔﾏﾀﾞ")]
    [InlineData("ﾔﾏﾀﾞ", 3, "ﾔﾏ")] // ﾀ without its ﾞ would be a different name
    [InlineData("ﾊﾟﾊﾟ", 3, "ﾊﾟ")]
    [InlineData("ABCDE", 3, "ABC")]
    [InlineData("ﾔﾏﾀﾞ", 0, "")]
    public void Truncate_NeverSeparatesVoicedMarkFromItsKana(string input, int maxBytes, string expected)
    {
        BankKana.Truncate(input, maxBytes).Should().Be(expected);
    }

    [Fact]
    public void Truncate_UnconvertedText_IsRejected()
    {
        var act = () => BankKana.Truncate("ヤマダ", 2);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void TryConvert_Kanji_ReturnsMessageInsteadOfThrowing()
    {
        BankKana.TryConvert("山田", out var converted, out var error).Should().BeFalse();
        converted.Should().BeNull();
        error.Should().Contain("'山'");
    }
}
