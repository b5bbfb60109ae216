using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

public sealed class MerchantQrDecoderTests
{
    [Theory]
    [InlineData(QrTestPayloads.EmvcoSample)]
    [InlineData(QrTestPayloads.JpqrOutOfOrder)]
    [InlineData(QrTestPayloads.PromptPay)]
    public void Decode_WhenValidEmvcoButAnotherScheme_ThrowsNotOurCode(string payload)
    {
        var ex = Assert.Throws<QrFormatException>(() => MerchantQrDecoder.Decode(payload));
        ex.Reason.Should().Be(QrRejectionReason.NotOurCode);
        ex.Message.Should().Contain("not a Tsuyama local currency code");
        ex.ResidentMessage.Should().Contain("津山の地域通貨では使えません");
        ex.ReasonCode.Should().Be("not-our-code");
    }

    [Fact]
    public void Decode_WhenCrcIsWrong_ThrowsInvalidQr()
    {
        var payload = MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant);
        var broken = payload[..^4] + (payload[^4..] == "0000" ? "0001" : "0000");
        Reject(broken).Should().Be(QrRejectionReason.CrcMismatch);
    }

    [Fact]
    public void Decode_WhenCurrencyIsNotYen_ThrowsWrongCurrency()
    {
        Reject(QrTestPayloads.DynamicWith("53", "840")).Should().Be(QrRejectionReason.WrongCurrency);
    }

    [Fact]
    public void Decode_WhenCountryIsNotJapan_ThrowsWrongCountry()
    {
        Reject(QrTestPayloads.DynamicWith("58", "TH")).Should().Be(QrRejectionReason.WrongCountry);
    }

    [Theory]
    [InlineData("1200.00")]
    [InlineData("12.5")]
    [InlineData("0")]
    [InlineData("0100")]
    [InlineData("-100")]
    [InlineData("1,200")]
    public void Decode_WhenDynamicAmountIsNotPositiveWholeYen_ThrowsAmountInvalid(string amount)
    {
        Reject(QrTestPayloads.DynamicWith("54", amount)).Should().Be(QrRejectionReason.AmountInvalid);
    }

    [Fact]
    public void Decode_WhenDynamicCodeHasNoAmount_ThrowsAmountMissing()
    {
        Reject(QrTestPayloads.DynamicWith("54", null)).Should().Be(QrRejectionReason.AmountMissing);
    }

    [Fact]
    public void Decode_WhenStaticCodeCarriesAmount_ThrowsAmountOnStaticCode()
    {
        Reject(QrTestPayloads.StaticWith("54", "500")).Should().Be(QrRejectionReason.AmountOnStaticCode);
    }

    [Fact]
    public void Decode_WhenStaticCodeCarriesRequestId_Throws()
    {
        var template = QrTestPayloads.Tlv(
            ("00", TsuyamaQrConstants.GloballyUniqueId), ("01", QrTestPayloads.MerchantId.ToString("N")), ("02", QrTestPayloads.RequestId.ToString("N")));
        Reject(QrTestPayloads.StaticWith("26", template)).Should().Be(QrRejectionReason.InvalidFieldValue);
    }

    [Fact]
    public void Decode_WhenDynamicCodeHasNoRequestId_ThrowsRequestIdMissing()
    {
        var template = QrTestPayloads.Tlv(("00", TsuyamaQrConstants.GloballyUniqueId), ("01", QrTestPayloads.MerchantId.ToString("N")));
        Reject(QrTestPayloads.DynamicWith("26", template)).Should().Be(QrRejectionReason.RequestIdMissing);
    }

    [Theory]
    [InlineData("0192F1C37A2B7C4D9E8FFEDCBA987654")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("REQ-1234")]
    public void Decode_WhenRequestIdIsNotLowerHexGuid_ThrowsRequestIdInvalid(string reference)
    {
        var template = QrTestPayloads.Tlv(
            ("00", TsuyamaQrConstants.GloballyUniqueId), ("01", QrTestPayloads.MerchantId.ToString("N")), ("02", reference));
        Reject(QrTestPayloads.DynamicWith("26", template)).Should().Be(QrRejectionReason.RequestIdInvalid);
    }

    [Theory]
    [InlineData("0192F1C37A2B7C4D9E8F0123456789AB")]
    [InlineData("0192f1c3-7a2b-7c4d-9e8f-0123456789ab")]
    [InlineData("00000000000000000000000000000000")]
    public void Decode_WhenMerchantIdIsNotLowerHexGuid_ThrowsInvalidMerchantId(string merchantId)
    {
        var template = QrTestPayloads.Tlv(("00", TsuyamaQrConstants.GloballyUniqueId), ("01", merchantId));
        Reject(QrTestPayloads.DynamicWith("26", template)).Should().Be(QrRejectionReason.InvalidMerchantId);
    }

    [Fact]
    public void Decode_WhenMerchantIdIsMissing_ThrowsInvalidMerchantId()
    {
        var template = QrTestPayloads.Tlv(("00", TsuyamaQrConstants.GloballyUniqueId));
        Reject(QrTestPayloads.DynamicWith("26", template)).Should().Be(QrRejectionReason.InvalidMerchantId);
    }

    [Fact]
    public void Decode_WhenOurTemplateIsMalformed_ThrowsTemplateError()
    {
        var template = "0013" + TsuyamaQrConstants.GloballyUniqueId + "0140abc";
        Reject(QrTestPayloads.DynamicWith("26", template)).Should().Be(QrRejectionReason.Truncated);
    }

    [Fact]
    public void Decode_WhenOurIdAppearsInTwoTemplates_ThrowsDuplicateTag()
    {
        var fields = QrTestPayloads.FieldsWithoutCrc(MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant));
        fields.Add(("27", fields.Single(f => f.Tag == "26").Value));
        Reject(QrTestPayloads.WithCrc([.. fields])).Should().Be(QrRejectionReason.DuplicateTag);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("52")]
    [InlineData("53")]
    [InlineData("58")]
    [InlineData("59")]
    [InlineData("60")]
    public void Decode_WhenMandatoryTagIsMissing_ThrowsMissingTag(string tag)
    {
        var ex = Assert.Throws<QrFormatException>(() => MerchantQrDecoder.Decode(QrTestPayloads.StaticWith(tag, null)));
        ex.Reason.Should().Be(QrRejectionReason.MissingTag);
        ex.Tag.Should().Be(tag);
    }

    [Theory]
    [InlineData("55", "01")]
    [InlineData("56", "100")]
    [InlineData("57", "5.0")]
    public void Decode_WhenTipOrFeeIsPresent_Throws(string tag, string value)
    {
        Reject(QrTestPayloads.DynamicWith(tag, value)).Should().Be(QrRejectionReason.InvalidFieldValue);
    }

    [Fact]
    public void Decode_WhenMccIsNotNumeric_Throws()
    {
        Reject(QrTestPayloads.StaticWith("52", "54A1")).Should().Be(QrRejectionReason.InvalidFieldValue);
    }

    [Fact]
    public void TryDecode_ReportsFailureWithoutThrowing()
    {
        MerchantQrDecoder.TryDecode(QrTestPayloads.PromptPay, out var decoded, out var error).Should().BeFalse();
        decoded.Should().BeNull();
        error!.Reason.Should().Be(QrRejectionReason.NotOurCode);

        MerchantQrDecoder.TryDecode(MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant), out decoded, out error).Should().BeTrue();
        decoded!.MerchantId.Should().Be(QrTestPayloads.MerchantId);
        error.Should().BeNull();
    }

    private static QrRejectionReason Reject(string payload) =>
        Assert.Throws<QrFormatException>(() => MerchantQrDecoder.Decode(payload)).Reason;
}
