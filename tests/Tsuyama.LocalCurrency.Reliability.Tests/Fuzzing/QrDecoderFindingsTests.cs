using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Fuzzing;

/// <summary>Cases the fuzz found, kept as examples (CRC recomputed, so only the field rules decide).</summary>
public sealed class QrDecoderFindingsTests
{
    private static readonly MerchantQrInfo Merchant = new(Guid.Parse("0192f1c3-7a2b-7c4d-9e8f-0123456789ab"), "Tsuyama Shoten", "津山商店 本町店", "5411", "708-8501");

    [Theory]
    [InlineData("5914Tsuyama Shoten", "5914Tsuyama Sh聯ten")]
    [InlineData("0306Till 2", "0306\u4054ill 2")]
    public void Decode_WhenNameOrLabelIsNotAscii_ThrowsInvalidCharacters(string field, string replacement)
    {
        var payload = Recrc(MerchantQrBuilder.BuildStoreCode(Merchant, "Till 2").Replace(field, replacement, StringComparison.Ordinal));
        var ex = Assert.Throws<QrFormatException>(() => MerchantQrDecoder.Decode(payload));

        ex.Reason.Should().Be(QrRejectionReason.InvalidCharacters);
    }

    [Fact]
    public void Decode_WhenJapaneseNameHasANoBreakSpace_ReadsTheNameAsTheBuilderWritesIt()
    {
        var payload = Recrc(MerchantQrBuilder.BuildStoreCode(Merchant).Replace("津山商店 本町店", "津山商店\u00A0本町店", StringComparison.Ordinal));

        MerchantQrDecoder.Decode(payload).MerchantNameJapanese.Should().Be("津山商店 本町店");
    }

    [Fact]
    public void Decode_WhenStoreLabelIsBlank_HasNoLabel()
    {
        var payload = Recrc(MerchantQrBuilder.BuildStoreCode(Merchant, "Till 2").Replace("62100306Till 2", "62050301 ", StringComparison.Ordinal));

        MerchantQrDecoder.Decode(payload).StoreLabel.Should().BeNull();
    }

    private static string Recrc(string payload)
    {
        var head = payload[..^4];
        return head + Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(head));
    }
}
