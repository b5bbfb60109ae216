using System.Globalization;
using System.Text;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

/// <summary>Public vectors (docs/reference/qr-test-vectors.md) and helpers to craft payloads.</summary>
internal static class QrTestPayloads
{
    public const string EmvcoSample =
        "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678" +
        "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京" +
        "540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A";

    public const string JpqrOutOfOrder =
        "0002016003xxx01021129300012D156000000000510A93FO3230Q31280012D15600000001030812345678" +
        "26680019jp.or.paymentsjapan011300000000000010204000103060000010406000001" +
        "53033925903xxx64180002JA0108メルペイ カフェ520441115802JP610710661436304DEE9";

    public const string PromptPay =
        "00020101021129370016A000000677010111011300669245317755802TH54076000.00530376463049B3B";

    public static readonly Guid MerchantId = Guid.Parse("0192f1c3-7a2b-7c4d-9e8f-0123456789ab");

    public static readonly Guid RequestId = Guid.Parse("0192f1c3-7a2b-7c4d-9e8f-fedcba987654");

    public static MerchantQrInfo Merchant { get; } = new(MerchantId, "Tsuyama Shoten", "津山商店 本町店", "5411", "708-8501");

    /// <summary>Concatenates raw TLV (no checks, so tests can build broken payloads) and appends a correct CRC.</summary>
    public static string WithCrc(params (string Tag, string Value)[] fields) =>
        AppendCrc(Tlv(fields));

    public static string Tlv(params (string Tag, string Value)[] fields)
    {
        var builder = new StringBuilder();
        foreach (var (tag, value) in fields)
        {
            builder.Append(tag).Append(EmvcoText.CharacterCount(value).ToString("D2", CultureInfo.InvariantCulture)).Append(value);
        }

        return builder.ToString();
    }

    public static string AppendCrc(string withoutCrc)
    {
        var head = withoutCrc + "6304";
        return head + Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(head));
    }

    /// <summary>Fields of a valid payload without its CRC, for tests that rearrange or alter them.</summary>
    public static List<(string Tag, string Value)> FieldsWithoutCrc(string payload) =>
        EmvcoParser.Parse(payload).Where(f => f.Tag != "63").Select(f => (f.Tag, f.Value)).ToList();

    /// <summary>Our dynamic payload with one top-level field replaced, removed (null) or added.</summary>
    public static string DynamicWith(string tag, string? value)
    {
        var fields = FieldsWithoutCrc(MerchantQrBuilder.BuildPaymentRequest(Merchant, 1200, RequestId));
        var index = fields.FindIndex(f => f.Tag == tag);
        if (index >= 0)
        {
            fields.RemoveAt(index);
        }

        if (value is not null)
        {
            fields.Insert(index >= 0 ? index : fields.Count, (tag, value));
        }

        return WithCrc([.. fields]);
    }

    public static string StaticWith(string tag, string? value)
    {
        var fields = FieldsWithoutCrc(MerchantQrBuilder.BuildStoreCode(Merchant));
        var index = fields.FindIndex(f => f.Tag == tag);
        if (index >= 0)
        {
            fields.RemoveAt(index);
        }

        if (value is not null)
        {
            fields.Insert(index >= 0 ? index : fields.Count, (tag, value));
        }

        return WithCrc([.. fields]);
    }
}
