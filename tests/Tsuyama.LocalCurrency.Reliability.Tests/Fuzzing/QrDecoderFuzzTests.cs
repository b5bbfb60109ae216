using System.Text;
using CsCheck;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Reliability.Tests.Support;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Fuzzing;

/// <summary>
/// Mutated store and dynamic payloads (bit flips, cuts, inserted characters, swapped, duplicated and
/// re-lengthed fields, with the CRC recomputed or left stale): the decoder either refuses with a
/// <see cref="QrFormatException"/> (the API's invalid-qr) or accepts, and what it accepts
/// re-encodes to the same fields. CsCheck prints the seed and the shrunk payload of a failure;
/// pass it back as <c>seed:</c> to replay.
/// </summary>
public sealed class QrDecoderFuzzTests
{
    public const int CasesPerKind = 50_000;

    private static readonly MerchantQrInfo Merchant = new(Guid.Parse("0192f1c3-7a2b-7c4d-9e8f-0123456789ab"), "Tsuyama Shoten", "津山商店 本町店", "5411", "708-8501");

    private static readonly string StorePayload = MerchantQrBuilder.BuildStoreCode(Merchant, "Till 2");
    private static readonly string DynamicPayload = MerchantQrBuilder.BuildPaymentRequest(Merchant, 1_200, Guid.Parse("0192f1c3-7a2b-7c4d-9e8f-fedcba987654"));

    [Fact]
    public void Decode_MutatedStoreCodes_OnlyRefusesWithQrFormatException_AndAcceptedCodesReencode() =>
        Fuzz(StorePayload, "0000000000011");

    [Fact]
    public void Decode_MutatedPaymentRequests_OnlyRefusesWithQrFormatException_AndAcceptedCodesReencode() =>
        Fuzz(DynamicPayload, "0000000000012");

    [Fact]
    public void Mutations_ReachPastTheCrc_SoTheFuzzIsNotOnlyTestingTheChecksum()
    {
        // Guards the fuzz itself: with the CRC recomputed, a fair share of mutants must get past the
        // checksum to the field rules, and some must be accepted (e.g. a swapped field order).
        var reasons = new Dictionary<QrRejectionReason, int>();
        var accepted = 0;
        PayloadMutation.Gen(StorePayload).Sample(p =>
        {
            if (MerchantQrDecoder.TryDecode(p, out _, out var error))
            {
                Interlocked.Increment(ref accepted);
            }
            else
            {
                lock (reasons)
                {
                    reasons[error!.Reason] = reasons.GetValueOrDefault(error.Reason) + 1;
                }
            }
        }, iter: 5_000, threads: 1, seed: "0000000000001");

        accepted.Should().BeGreaterThan(50);
        reasons.Keys.Should().HaveCountGreaterThan(8, string.Join(", ", reasons.Select(r => $"{r.Key}={r.Value}")));
    }

    private static void Fuzz(string original, string seed) =>
        PayloadMutation.Gen(original).Sample(payload =>
        {
            DecodedMerchantQr decoded;
            try
            {
                decoded = MerchantQrDecoder.Decode(payload);
            }
            catch (QrFormatException)
            {
                return;
            }

            // 60 (city) and 61 (postal code) are display text the decoder does not check (EMVCo lets
            // other codes write them freely); our builder writes TSUYAMA and 7 digits. Every other
            // field must survive the round trip.
            var read = decoded with
            {
                City = TsuyamaQrConstants.CityRomaji,
                PostalCode = decoded.PostalCode is { Length: 7 } postal && postal.All(char.IsAsciiDigit) ? postal : null,
            };
            Reencode(read).Should().Be(read, $"the accepted payload {Escape(payload)} must re-encode to the same fields");
        }, iter: CasesPerKind, seed: FuzzSeed.Or(seed), print: Escape);

    /// <summary>Non-ASCII as \uXXXX, so an invisible character in a failing payload can be seen and replayed.</summary>
    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    /// <summary>
    /// Builds our own code from what was read and reads it again. 61 and 64 are optional to the decoder
    /// (other JPQR codes omit them) but always written by us: when absent they are filled for the
    /// build and left out of the comparison.
    /// </summary>
    private static DecodedMerchantQr Reencode(DecodedMerchantQr d)
    {
        var info = new MerchantQrInfo(d.MerchantId, d.MerchantName, d.MerchantNameJapanese ?? "店", d.MerchantCategoryCode, d.PostalCode ?? "7080000");
        var payload = d.IsDynamic
            ? MerchantQrBuilder.BuildPaymentRequest(info, d.Amount!.Value, d.RequestId!.Value)
            : MerchantQrBuilder.BuildStoreCode(info, d.StoreLabel);
        var read = MerchantQrDecoder.Decode(payload);
        return read with
        {
            MerchantNameJapanese = d.MerchantNameJapanese is null ? null : read.MerchantNameJapanese,
            PostalCode = d.PostalCode is null ? null : read.PostalCode,
        };
    }
}

/// <summary>Generates mutants of one valid payload.</summary>
internal static class PayloadMutation
{
    private static readonly string[] Inserts =
        ["0", "9", "A", "z", " ", "\0", "\r\n", "あ", "津", "\uD83D\uDE00", "\uD800", "\uDC00", "63", "6304", "5404", "0102"];

    public static Gen<string> Gen(string original) =>
        CsCheck.Gen.Select(
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 9], CsCheck.Gen.Int[0, 400], CsCheck.Gen.Int[0, 99], CsCheck.Gen.Int[0, 15])
                .Array[1, 3],
            CsCheck.Gen.Int[0, 2],
            (steps, crc) =>
            {
                var text = original;
                foreach (var (kind, a, b, c) in steps)
                {
                    text = Apply(text, kind, a, b, c);
                }

                // 0: stale CRC (tests the checksum), 1–2: recomputed (tests everything behind it).
                return crc == 0 ? text : Recrc(text);
            });

    private static string Apply(string text, int kind, int a, int b, int c)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = a % text.Length;
        var fields = kind >= 4 ? TopLevel(text) : null;
        switch (kind)
        {
            case 0: // one bit of one character (mostly ASCII bits, sometimes high ones)
                return text[..at] + (char)(text[at] ^ (1 << (c < 12 ? c % 8 : c))) + text[(at + 1)..];
            case 1: // cut off
                return text[..at];
            case 2: // a range removed
                return text[..at] + text[Math.Min(text.Length, at + 1 + (b % 8))..];
            case 3: // something inserted
                return text[..at] + Inserts[b % Inserts.Length] + text[at..];
            case 4 when fields is { Count: > 1 }: // two fields swapped
                {
                    var (i, j) = (a % fields.Count, b % fields.Count);
                    (fields[i], fields[j]) = (fields[j], fields[i]);
                    return Join(fields);
                }

            case 5 when fields is { Count: > 0 }: // a wrong length
                {
                    var i = a % fields.Count;
                    var f = fields[i];
                    return Join(fields, i, f.Tag + (b % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + f.Value);
                }

            case 6 when fields is { Count: > 0 }: // a field duplicated
                {
                    var f = fields[a % fields.Count];
                    fields.Insert(b % (fields.Count + 1), f);
                    return Join(fields);
                }

            case 7 when fields is { Count: > 0 }: // a field's value replaced by digits of another length
                {
                    var i = a % fields.Count;
                    var value = new string((char)('0' + (c % 10)), 1 + (b % 40));
                    return Join(fields, i, Field(fields[i].Tag, value));
                }

            case 8 when fields is { Count: > 0 }: // a field dropped
                fields.RemoveAt(a % fields.Count);
                return Join(fields);
            case 9 when fields is { Count: > 0 }: // a sub-field of a template mutated the same ways, lengths kept right
                {
                    var i = a % fields.Count;
                    var inner = TopLevel(fields[i].Value);
                    if (inner is not { Count: > 0 })
                    {
                        return text;
                    }

                    var value = Apply(fields[i].Value, b % 9, a / 3, c * 7, b);
                    return Join(fields, i, Field(fields[i].Tag, value));
                }

            default:
                return text;
        }
    }

    private static string Field(string tag, string value)
    {
        var length = Math.Min(99, Runes(value));
        return tag + length.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + value;
    }

    private static int Runes(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    private static string Join(List<(string Tag, string Value, string Raw)> fields, int replace = -1, string? with = null)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            builder.Append(i == replace ? with : fields[i].Raw);
        }

        return builder.ToString();
    }

    /// <summary>Splits well-formed TLV; null when the text is not (then structural mutations do nothing).</summary>
    private static List<(string Tag, string Value, string Raw)>? TopLevel(string text)
    {
        var fields = new List<(string, string, string)>();
        var position = 0;
        while (position < text.Length)
        {
            if (text.Length - position < 4 || !int.TryParse(text.AsSpan(position + 2, 2), out var length))
            {
                return null;
            }

            var start = position + 4;
            var end = start;
            for (var n = 0; n < length; n++)
            {
                if (end >= text.Length)
                {
                    return null;
                }

                end += char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            }

            fields.Add((text.Substring(position, 2), text[start..end], text[position..end]));
            position = end;
        }

        return fields;
    }

    private static string Recrc(string text)
    {
        var crcAt = text.LastIndexOf("6304", StringComparison.Ordinal);
        var head = crcAt >= 0 && crcAt == text.Length - 8 ? text[..(crcAt + 4)] : text + "6304";
        try
        {
            return head + Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(head));
        }
        catch (ArgumentException)
        {
            return text; // a lone surrogate has no UTF-8 form, so no CRC; the decoder must refuse it anyway
        }
    }
}
