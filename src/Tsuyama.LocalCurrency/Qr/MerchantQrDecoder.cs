using System.Globalization;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Reads a scanned merchant-presented code and accepts it only if it is a Tsuyama local currency
/// code: valid EMVCo, our template, yen, Japan, and an amount exactly when the code is dynamic.
/// Field order is irrelevant. Single use and expiry of payment requests are checked by the caller
/// against the stored request, not here.
/// </summary>
public static class MerchantQrDecoder
{
    private static readonly string[] MandatoryTags = ["00", "01", "52", "53", "58", "59", "60", "63"];

    /// <exception cref="QrFormatException">The code is malformed or not ours; see <see cref="QrFormatException.Reason"/>.</exception>
    public static DecodedMerchantQr Decode(string? payload)
    {
        var fields = EmvcoParser.Parse(payload);
        var (ours, merchantId) = FindOurTemplate(fields);
        fields.RequireTags(MandatoryTags);

        var currency = fields.GetRequired("53");
        if (currency != TsuyamaQrConstants.CurrencyYen)
        {
            throw new QrFormatException(QrRejectionReason.WrongCurrency, $"The code is in currency {currency}; only yen (392) can be paid.", "53");
        }

        var country = fields.GetRequired("58");
        if (country != TsuyamaQrConstants.CountryJapan)
        {
            throw new QrFormatException(QrRejectionReason.WrongCountry, $"The code is for country {country}; only JP is accepted.", "58");
        }

        var mcc = fields.GetRequired("52");
        if (!mcc.All(char.IsAsciiDigit))
        {
            throw new QrFormatException(QrRejectionReason.InvalidFieldValue, "The merchant category code (52) must be four digits.", "52");
        }

        var name = AsciiName(fields.GetRequired("59"), "59", "merchant name")
            ?? throw new QrFormatException(QrRejectionReason.InvalidFieldValue, "The merchant name (59) is blank.", "59");

        foreach (var tip in (ReadOnlySpan<string>)["55", "56", "57"])
        {
            // A tip or convenience fee would change what the resident pays behind the shown amount.
            if (fields.Contains(tip))
            {
                throw new QrFormatException(QrRejectionReason.InvalidFieldValue, $"Tips and convenience fees (field {tip}) are not supported.", tip);
            }
        }

        var isDynamic = fields.GetRequired("01") == TsuyamaQrConstants.DynamicInitiation;
        var additional = fields.GetTemplateOrDefault("62");
        var requestIdText = ours.GetValueOrDefault("02");
        long? amount;
        Guid? requestId;
        if (isDynamic)
        {
            amount = ReadAmount(fields.GetValueOrDefault("54"));
            requestId = ReadRequestId(requestIdText, ours.PathOf("02"));
        }
        else
        {
            if (fields.Contains("54"))
            {
                throw new QrFormatException(
                    QrRejectionReason.AmountOnStaticCode,
                    "A store code (01=11) must not carry an amount; the resident enters it.",
                    "54");
            }

            if (requestIdText is not null)
            {
                throw new QrFormatException(
                    QrRejectionReason.InvalidFieldValue,
                    $"A store code (01=11) must not carry a payment request id ({ours.PathOf("02")}).",
                    ours.PathOf("02"));
            }

            amount = null;
            requestId = null;
        }

        var language = fields.GetTemplateOrDefault("64");
        // Read as the builder writes it (NFC, runs of any white space as one space), so the name shown
        // to the resident is the one a shop printed, whatever spaces a scanner or another issuer used.
        var japaneseName = language?.GetValueOrDefault("00") == TsuyamaQrConstants.LanguageJapanese
            && language.GetValueOrDefault("01") is { } written && !string.IsNullOrWhiteSpace(written)
            ? MerchantQrText.JapaneseName(written)
            : null;

        return new DecodedMerchantQr(
            merchantId,
            isDynamic,
            amount,
            requestId,
            name,
            japaneseName,
            mcc,
            fields.GetRequired("60"),
            fields.GetValueOrDefault("61"),
            additional?.GetValueOrDefault("03") is { } label ? AsciiName(label, "62.03", "store label") : null);
    }

    /// <summary>
    /// EMVCo keeps root and additional-data fields to its common (ASCII) character set; other scripts
    /// belong in the language template 64. Without this a code could show the resident any text as
    /// the shop's name (found by fuzzing: our builder never writes such a code). Spaces are read as
    /// the builder writes them; a blank value is null.
    /// </summary>
    private static string? AsciiName(string value, string path, string what)
    {
        if (!value.All(c => c is >= ' ' and <= '~'))
        {
            throw new QrFormatException(QrRejectionReason.InvalidCharacters, $"The {what} ({path}) must be ASCII; the Japanese name goes in 64.", path);
        }

        return string.IsNullOrWhiteSpace(value) ? null : MerchantQrText.RomajiName(value);
    }

    /// <summary>Like <see cref="Decode"/> but reports failure instead of throwing.</summary>
    public static bool TryDecode(string? payload, out DecodedMerchantQr? decoded, out QrFormatException? error)
    {
        try
        {
            decoded = Decode(payload);
            error = null;
            return true;
        }
        catch (QrFormatException ex)
        {
            decoded = null;
            error = ex;
            return false;
        }
    }

    private static (EmvcoFieldSet Template, Guid MerchantId) FindOurTemplate(EmvcoFieldSet fields)
    {
        (EmvcoFieldSet, Guid)? found = null;
        foreach (var field in fields)
        {
            if (!EmvcoTagRules.IsMerchantAccountTemplate(field.Tag))
            {
                continue;
            }

            EmvcoFieldSet template;
            try
            {
                template = fields.GetTemplate(field.Tag);
            }
            catch (QrFormatException) when (!field.Value.Contains(TsuyamaQrConstants.GloballyUniqueId, StringComparison.Ordinal))
            {
                // Another scheme's template is its business; for us the code is simply not ours.
                continue;
            }

            if (template.GetValueOrDefault("00") != TsuyamaQrConstants.GloballyUniqueId)
            {
                continue;
            }

            if (found is not null)
            {
                throw new QrFormatException(QrRejectionReason.DuplicateTag, "The code names our scheme in more than one merchant account template.", field.Tag);
            }

            found = (template, ReadMerchantId(template.GetValueOrDefault("01"), template.PathOf("01")));
        }

        return found ?? throw new QrFormatException(
            QrRejectionReason.NotOurCode,
            "This is not a Tsuyama local currency code (no merchant account template with id jp.tsuyama.lc).");
    }

    private static Guid ReadMerchantId(string? value, string path)
    {
        if (value is null || !IsLowerHex32(value) || !Guid.TryParseExact(value, "N", out var id) || id == Guid.Empty)
        {
            throw new QrFormatException(QrRejectionReason.InvalidMerchantId, $"The merchant id ({path}) must be 32 lower-case hex digits.", path);
        }

        return id;
    }

    private static long ReadAmount(string? value)
    {
        if (value is null)
        {
            throw new QrFormatException(QrRejectionReason.AmountMissing, "A payment request code (01=12) must carry an amount (54).", "54");
        }

        // Whole yen only: no decimal point, sign, leading zero or zero amount.
        if (!value.All(char.IsAsciiDigit) || value[0] == '0'
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw new QrFormatException(
                QrRejectionReason.AmountInvalid,
                $"The amount (54) must be a whole number of yen greater than zero; found \"{value}\".",
                "54");
        }

        return amount;
    }

    private static Guid ReadRequestId(string? value, string path)
    {
        if (value is null)
        {
            throw new QrFormatException(QrRejectionReason.RequestIdMissing, $"A payment request code (01=12) must carry its request id ({path}).", path);
        }

        if (!IsLowerHex32(value) || !Guid.TryParseExact(value, "N", out var id) || id == Guid.Empty)
        {
            throw new QrFormatException(QrRejectionReason.RequestIdInvalid, $"The payment request id ({path}) must be 32 lower-case hex digits.", path);
        }

        return id;
    }

    private static bool IsLowerHex32(string value) =>
        value.Length == 32 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
