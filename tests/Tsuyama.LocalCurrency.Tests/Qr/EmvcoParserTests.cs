using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

public sealed class EmvcoParserTests
{
    [Fact]
    public void Parse_EmvcoSample_ReadsFieldsAndCountsChineseAsOneCharacterEach()
    {
        var fields = EmvcoParser.Parse(QrTestPayloads.EmvcoSample);

        fields.GetRequired("59").Should().Be("BEST TRANSPORT");
        fields.GetRequired("54").Should().Be("23.72");
        fields.GetRequired("63").Should().Be("A13A");
        var language = fields.GetTemplate("64");
        language.GetRequired("00").Should().Be("ZH");
        language.GetRequired("01").Should().Be("最佳运输");
        language.GetRequired("02").Should().Be("北京");
        fields.GetTemplate("62").GetRequired("06").Should().Be("***");
        fields.GetTemplate("91").GetRequired("00").Should().Be("A011223344998877");
    }

    [Fact]
    public void Parse_JpqrWithTagsOutOfOrder_FindsEveryField()
    {
        var fields = EmvcoParser.Parse(QrTestPayloads.JpqrOutOfOrder);

        fields.Select(f => f.Tag).Should().Equal("00", "60", "01", "29", "31", "26", "53", "59", "64", "52", "58", "61", "63");
        fields.GetTemplate("26").GetRequired("00").Should().Be("jp.or.paymentsjapan");
        fields.GetTemplate("64").GetRequired("01").Should().Be("メルペイ カフェ");
        fields.GetRequired("61").Should().Be("1066143");
    }

    [Fact]
    public void Parse_PromptPay_ParsesAlthoughMerchantNameAndCityAreAbsent()
    {
        var fields = EmvcoParser.Parse(QrTestPayloads.PromptPay);

        fields.GetRequired("58").Should().Be("TH");
        fields.Contains("59").Should().BeFalse();
        fields.GetTemplate("29").GetRequired("01").Should().Be("0066924531775");
    }

    [Fact]
    public void Parse_WhenCrcIsLowerCaseAndChanged_ThrowsCrcMalformed()
    {
        var payload = QrTestPayloads.EmvcoSample[..^4] + "a13b";
        Reject(payload).Should().Be(QrRejectionReason.CrcMalformed);
    }

    [Fact]
    public void Parse_WhenCrcIsLowerCaseButOtherwiseRight_ThrowsCrcMalformed()
    {
        var payload = QrTestPayloads.EmvcoSample[..^4] + "a13a";
        Reject(payload).Should().Be(QrRejectionReason.CrcMalformed);
    }

    [Fact]
    public void Parse_WhenCrcIsWrittenAsZeros_ThrowsCrcMismatch()
    {
        var payload = QrTestPayloads.EmvcoSample[..^4] + "0000";
        Reject(payload).Should().Be(QrRejectionReason.CrcMismatch);
    }

    [Fact]
    public void Parse_WhenAValueIsAltered_ThrowsCrcMismatch()
    {
        var payload = QrTestPayloads.EmvcoSample.Replace("23.72", "93.72", StringComparison.Ordinal);
        Reject(payload).Should().Be(QrRejectionReason.CrcMismatch);
    }

    [Fact]
    public void Parse_WhenCutInsideAField_ThrowsTruncatedWithLengths()
    {
        var payload = "000201010211" + "5914BES";
        var ex = Assert.Throws<QrFormatException>(() => EmvcoParser.Parse(payload));
        ex.Reason.Should().Be(QrRejectionReason.Truncated);
        ex.Tag.Should().Be("59");
        ex.Message.Should().Contain("14").And.Contain("only 3");
    }

    [Fact]
    public void Parse_WhenCutInsideAFieldHeader_ThrowsTruncated()
    {
        Reject("00020101021159").Should().Be(QrRejectionReason.Truncated);
    }

    [Theory]
    [InlineData("0002010102115A04TEST")]
    [InlineData("000201010211590ATEST")]
    public void Parse_WhenTagOrLengthIsNotNumeric_ThrowsNonNumericTagOrLength(string withoutCrc)
    {
        Reject(QrTestPayloads.AppendCrc(withoutCrc)).Should().Be(QrRejectionReason.NonNumericTagOrLength);
    }

    [Fact]
    public void Parse_WhenCrcIsMissing_ThrowsCrcMissing()
    {
        Reject(QrTestPayloads.Tlv(("00", "01"), ("01", "11"))).Should().Be(QrRejectionReason.CrcMissing);
    }

    [Fact]
    public void Parse_WhenCrcIsNotLast_ThrowsCrcNotLast()
    {
        var payload = QrTestPayloads.EmvcoSample + "5802JP";
        Reject(payload).Should().Be(QrRejectionReason.CrcNotLast);
    }

    [Fact]
    public void Parse_WhenTagRepeats_ThrowsDuplicateTag()
    {
        var payload = QrTestPayloads.WithCrc(("00", "01"), ("58", "JP"), ("58", "JP"));
        Reject(payload).Should().Be(QrRejectionReason.DuplicateTag);
    }

    [Theory]
    [InlineData("59", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", QrRejectionReason.FieldTooLong)]
    [InlineData("60", "ABCDEFGHIJKLMNOP", QrRejectionReason.FieldTooLong)]
    [InlineData("54", "12345678901234", QrRejectionReason.FieldTooLong)]
    [InlineData("52", "54111", QrRejectionReason.FieldLengthInvalid)]
    [InlineData("53", "39", QrRejectionReason.FieldLengthInvalid)]
    [InlineData("58", "JPN", QrRejectionReason.FieldLengthInvalid)]
    public void Parse_WhenFieldBreaksEmvcoLengthLimit_Throws(string tag, string value, QrRejectionReason reason)
    {
        var ex = Assert.Throws<QrFormatException>(() => EmvcoParser.Parse(QrTestPayloads.WithCrc(("00", "01"), (tag, value))));
        ex.Reason.Should().Be(reason);
        ex.Tag.Should().Be(tag);
    }

    [Fact]
    public void Parse_WhenTemplateSubFieldIsTooLong_ThrowsWhenTemplateIsRead()
    {
        var fields = EmvcoParser.Parse(QrTestPayloads.WithCrc(("00", "01"), ("64", QrTestPayloads.Tlv(("00", "JA"), ("01", new string('あ', 26))))));
        var ex = Assert.Throws<QrFormatException>(() => fields.GetTemplate("64"));
        ex.Reason.Should().Be(QrRejectionReason.FieldTooLong);
        ex.Tag.Should().Be("64.01");
    }

    [Fact]
    public void Parse_WhenFieldIsEmpty_ThrowsEmptyField()
    {
        Reject(QrTestPayloads.WithCrc(("00", "01"), ("59", ""))).Should().Be(QrRejectionReason.EmptyField);
    }

    [Fact]
    public void Parse_WhenFormatIndicatorIsNot01_ThrowsUnsupportedFormatIndicator()
    {
        Reject(QrTestPayloads.WithCrc(("00", "02"), ("01", "11"))).Should().Be(QrRejectionReason.UnsupportedFormatIndicator);
    }

    [Fact]
    public void Parse_WhenFormatIndicatorIsMissing_ThrowsMissingTag()
    {
        Reject(QrTestPayloads.WithCrc(("01", "11"), ("58", "JP"))).Should().Be(QrRejectionReason.MissingTag);
    }

    [Fact]
    public void Parse_WhenInitiationMethodIsUnknown_ThrowsInvalidInitiationMethod()
    {
        Reject(QrTestPayloads.WithCrc(("00", "01"), ("01", "13"))).Should().Be(QrRejectionReason.InvalidInitiationMethod);
    }

    [Fact]
    public void Parse_WhenValueHasControlCharacter_ThrowsInvalidCharacters()
    {
        Reject(QrTestPayloads.WithCrc(("00", "01"), ("59", "A\nB"))).Should().Be(QrRejectionReason.InvalidCharacters);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_WhenEmpty_ThrowsEmpty(string? payload)
    {
        Reject(payload).Should().Be(QrRejectionReason.Empty);
    }

    [Fact]
    public void Parse_WhenLongerThan512Characters_ThrowsPayloadTooLong()
    {
        Reject(new string('0', 513)).Should().Be(QrRejectionReason.PayloadTooLong);
    }

    [Fact]
    public void Parse_WithTrailingLineBreakFromScanner_Parses()
    {
        EmvcoParser.Parse(QrTestPayloads.PromptPay + "\r\n").GetRequired("63").Should().Be("9B3B");
    }

    private static QrRejectionReason Reject(string? payload) =>
        Assert.Throws<QrFormatException>(() => EmvcoParser.Parse(payload)).Reason;
}
