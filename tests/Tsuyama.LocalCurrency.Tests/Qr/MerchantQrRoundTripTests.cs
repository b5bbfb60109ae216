using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

public sealed class MerchantQrRoundTripTests
{
    [Fact]
    public void BuildStoreCode_ProducesTheDocumentedFields()
    {
        var payload = MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant);

        payload.Should().StartWith("000201010211" + "2653" + "0013jp.tsuyama.lc" + "0132" + QrTestPayloads.MerchantId.ToString("N"));
        payload.Should().Contain("52045411" + "5303392" + "5802JP" + "5914Tsuyama Shoten" + "6007TSUYAMA" + "61077088501");
        payload.Should().Contain("6425" + "0002JA" + "0108津山商店 本町店" + "0203津山市");
        EmvcoParser.Parse(payload).Select(f => f.Tag).Should().Equal("00", "01", "26", "52", "53", "58", "59", "60", "61", "64", "63");
        payload.Should().MatchRegex("6304[0-9A-F]{4}$");
    }

    [Fact]
    public void Decode_StoreCode_RoundTrips()
    {
        var decoded = MerchantQrDecoder.Decode(MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant, "Till 2"));

        decoded.Should().BeEquivalentTo(new DecodedMerchantQr(
            QrTestPayloads.MerchantId, IsDynamic: false, Amount: null, RequestId: null, "Tsuyama Shoten",
            "津山商店 本町店", "5411", "TSUYAMA", "7088501", "Till 2"));
    }

    [Fact]
    public void Decode_PaymentRequest_RoundTrips()
    {
        var payload = MerchantQrBuilder.BuildPaymentRequest(QrTestPayloads.Merchant, 1200, QrTestPayloads.RequestId);
        payload.Should().Contain("54041200").And.Contain("010212").And.Contain(
            "2689" + "0013jp.tsuyama.lc" + "0132" + QrTestPayloads.MerchantId.ToString("N") + "0232" + QrTestPayloads.RequestId.ToString("N"));

        var decoded = MerchantQrDecoder.Decode(payload);

        decoded.MerchantId.Should().Be(QrTestPayloads.MerchantId);
        decoded.IsDynamic.Should().BeTrue();
        decoded.Amount.Should().Be(1200);
        decoded.RequestId.Should().Be(QrTestPayloads.RequestId);
        decoded.MerchantNameJapanese.Should().Be("津山商店 本町店");
    }

    [Fact]
    public void Decode_PaymentRequestForLargestAmount_RoundTrips()
    {
        var payload = MerchantQrBuilder.BuildPaymentRequest(QrTestPayloads.Merchant, MerchantQrBuilder.MaxAmount, QrTestPayloads.RequestId);
        MerchantQrDecoder.Decode(payload).Amount.Should().Be(9_999_999_999_999);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decode_WhenTagsAreShuffledAndCrcRecomputed_DecodesTheSame(int seed)
    {
        var original = MerchantQrBuilder.BuildPaymentRequest(QrTestPayloads.Merchant, 550, QrTestPayloads.RequestId);
        var fields = QrTestPayloads.FieldsWithoutCrc(original);
        var shuffled = fields.ToArray();
        new Random(seed).Shuffle(shuffled);
        var reordered = QrTestPayloads.WithCrc(shuffled);
        reordered.Should().NotBe(original);

        MerchantQrDecoder.Decode(reordered).Should().Be(MerchantQrDecoder.Decode(original));
    }

    [Fact]
    public void Decode_WhenOurTemplateSitsInAnotherTagAmongForeignTemplates_FindsIt()
    {
        var fields = QrTestPayloads.FieldsWithoutCrc(MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant));
        var ours = fields.Single(f => f.Tag == "26");
        fields.Remove(ours);
        fields.Add(("26", "0019jp.or.paymentsjapan0113000000000000102040001"));
        fields.Add(("40", ours.Value));

        MerchantQrDecoder.Decode(QrTestPayloads.WithCrc([.. fields])).MerchantId.Should().Be(QrTestPayloads.MerchantId);
    }

    [Fact]
    public void BuildStoreCode_FoldsMacronsAndTruncatesLongNamesWithinLimits()
    {
        var merchant = QrTestPayloads.Merchant with
        {
            NameRomaji = "Tsuyama Shōten Honmachi Branch Store",
            NameJapanese = "津山商店本町支店の特別に長い名前のお店でございます本当に長い",
            PostalCode = "7088501",
        };

        var decoded = MerchantQrDecoder.Decode(MerchantQrBuilder.BuildStoreCode(merchant));

        decoded.MerchantName.Should().Be("Tsuyama Shoten Honmachi B");
        decoded.MerchantNameJapanese.Should().HaveLength(25).And.StartWith("津山商店本町支店");
    }

    [Fact]
    public void BuildStoreCode_NormalisesDecomposedKanaBeforeCounting()
    {
        var merchant = QrTestPayloads.Merchant with { NameJapanese = "か\u3099ん" };
        MerchantQrDecoder.Decode(MerchantQrBuilder.BuildStoreCode(merchant)).MerchantNameJapanese.Should().Be("がん");
    }

    [Theory]
    [InlineData("Café 🍵")]
    [InlineData("津山")]
    public void BuildStoreCode_WhenRomajiNameIsNotAscii_Throws(string name)
    {
        var act = () => MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant with { NameRomaji = name });
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_000_000_000_000)]
    public void BuildPaymentRequest_WhenAmountIsOutOfRange_Throws(long amount)
    {
        var act = () => MerchantQrBuilder.BuildPaymentRequest(QrTestPayloads.Merchant, amount, QrTestPayloads.RequestId);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("708850")]
    [InlineData("708-85011")]
    [InlineData("７０８８５０１")]
    public void BuildStoreCode_WhenPostalCodeIsNotSevenDigits_Throws(string postalCode)
    {
        var act = () => MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant with { PostalCode = postalCode });
        act.Should().Throw<ArgumentException>();
    }
}
