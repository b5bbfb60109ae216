using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

public sealed class EmvcoWriterTests
{
    [Fact]
    public void ToPayload_CountsCharactersAndAppendsCrc_ReproducingTheEmvcoLanguageTemplate()
    {
        var value = EmvcoWriter.ForTemplate("64").Add("00", "ZH").Add("01", "最佳运输").Add("02", "北京").ToTemplateValue();
        value.Should().Be("0002ZH0104最佳运输0202北京");

        var payload = new EmvcoWriter().Add("00", "01").Add("64", value).ToPayload();
        payload.Should().StartWith("00020164200002ZH0104最佳运输0202北京6304");
        EmvcoParser.Parse(payload).GetTemplate("64").GetRequired("02").Should().Be("北京");
    }

    [Fact]
    public void Add_WhenValueExceedsTagLimit_Throws()
    {
        var act = () => new EmvcoWriter().Add("59", new string('A', 26));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Add_InLanguageTemplate_EnforcesItsNameLimit()
    {
        var act = () => EmvcoWriter.ForTemplate("64").Add("01", new string('あ', 26));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Add_WhenTagRepeats_Throws()
    {
        var act = () => new EmvcoWriter().Add("58", "JP").Add("58", "JP");
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Add_WhenCrcIsWrittenByHand_Throws()
    {
        var act = () => new EmvcoWriter().Add("63", "ABCD");
        act.Should().Throw<ArgumentException>();
    }
}
