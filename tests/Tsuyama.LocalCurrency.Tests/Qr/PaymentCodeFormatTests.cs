using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

public sealed class PaymentCodeFormatTests
{
    [Fact]
    public void Generate_GivesTwentyDigitsWithValidCheckDigitAndNoLeadingZero()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = PaymentCodeFormat.Generate();
            code.Should().HaveLength(20).And.MatchRegex("^[1-9][0-9]{19}$");
            PaymentCodeFormat.Parse(code).Should().Be(code);
        }
    }

    [Fact]
    public void Generate_DoesNotRepeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => PaymentCodeFormat.Generate()).ToList();
        codes.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void LuhnCheckDigit_MatchesKnownValue()
    {
        // Classic Luhn example: 7992739871 has check digit 3.
        PaymentCodeFormat.LuhnCheckDigit("7992739871").Should().Be(3);
    }

    [Fact]
    public void Parse_WhenAnyDigitIsMistyped_ThrowsCheckDigit()
    {
        var code = PaymentCodeFormat.Generate();
        for (var position = 0; position < code.Length; position++)
        {
            var wrong = (char)('0' + ((code[position] - '0' + 1) % 10));
            var typo = code[..position] + wrong + code[(position + 1)..];
            var ex = Assert.Throws<QrFormatException>(() => PaymentCodeFormat.Parse(typo));
            ex.Reason.Should().Be(QrRejectionReason.PaymentCodeCheckDigit);
        }
    }

    [Fact]
    public void Parse_AcceptsSpacesHyphensAndFullWidthDigits()
    {
        var code = PaymentCodeFormat.Generate();
        var display = PaymentCodeFormat.FormatForDisplay(code);
        display.Should().MatchRegex("^([0-9]{4} ){4}[0-9]{4}$");
        PaymentCodeFormat.Parse(display).Should().Be(code);
        PaymentCodeFormat.Parse(display.Replace(' ', '-')).Should().Be(code);

        var fullWidth = new string(code.Select(c => (char)('０' + (c - '0'))).ToArray());
        PaymentCodeFormat.Parse(" " + fullWidth + "\n").Should().Be(code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("123456789012345678901")]
    [InlineData("1234567890123456789X")]
    [InlineData(null)]
    public void Parse_WhenNotTwentyDigits_ThrowsMalformed(string? input)
    {
        Assert.Throws<QrFormatException>(() => PaymentCodeFormat.Parse(input)).Reason.Should().Be(QrRejectionReason.PaymentCodeMalformed);
        PaymentCodeFormat.TryParse(input, out _).Should().BeFalse();
    }

    [Fact]
    public void ToQrPayload_IsTheDigits()
    {
        var code = PaymentCodeFormat.Generate();
        PaymentCodeFormat.ToQrPayload(code).Should().Be(code);
    }
}
