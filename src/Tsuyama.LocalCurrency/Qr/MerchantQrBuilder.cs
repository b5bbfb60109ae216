using System.Globalization;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Builds our EMVCo MPM payloads (DESIGN §6): the printed store code (static, resident types the
/// amount) and the single-use payment request (dynamic, amount in the code).
/// </summary>
public static class MerchantQrBuilder
{
    /// <summary>Largest amount tag 54 can hold as whole yen (13 digits).</summary>
    public const long MaxAmount = 9_999_999_999_999;

    /// <param name="storeLabel">Optional ASCII label (till or branch) written to 62.03.</param>
    /// <exception cref="ArgumentException">Merchant data that cannot be written as a valid code.</exception>
    public static string BuildStoreCode(MerchantQrInfo merchant, string? storeLabel = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var writer = StartPayload(merchant, TsuyamaQrConstants.StaticInitiation, amount: null, requestId: null);
        if (!string.IsNullOrWhiteSpace(storeLabel))
        {
            writer.AddTemplate("62", t => t.Add("03", MerchantQrText.RomajiName(storeLabel)));
        }

        return FinishPayload(writer, merchant);
    }

    /// <param name="amount">Whole yen, 1 to <see cref="MaxAmount"/>.</param>
    /// <param name="requestId">
    /// Id of the stored payment request, written as 32 hex digits to sub-tag 02 of our merchant
    /// account template: EMVCo caps the reference label 62.05 at 25 characters, too short for a Guid.
    /// </param>
    /// <exception cref="ArgumentException">Bad merchant data, amount or request id.</exception>
    public static string BuildPaymentRequest(MerchantQrInfo merchant, long amount, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, MaxAmount);
        if (requestId == Guid.Empty)
        {
            throw new ArgumentException("A payment request needs a real id.", nameof(requestId));
        }

        return FinishPayload(StartPayload(merchant, TsuyamaQrConstants.DynamicInitiation, amount, requestId), merchant);
    }

    private static EmvcoWriter StartPayload(MerchantQrInfo merchant, string initiation, long? amount, Guid? requestId)
    {
        if (merchant.MerchantId == Guid.Empty)
        {
            throw new ArgumentException("The merchant id is empty.", nameof(merchant));
        }

        var writer = new EmvcoWriter()
            .Add("00", "01")
            .Add("01", initiation)
            .AddTemplate(TsuyamaQrConstants.MerchantAccountTag, t =>
            {
                t.Add("00", TsuyamaQrConstants.GloballyUniqueId).Add("01", merchant.MerchantId.ToString("N"));
                if (requestId is { } id)
                {
                    t.Add("02", id.ToString("N"));
                }
            })
            .Add("52", MerchantQrText.CategoryCode(merchant.MerchantCategoryCode))
            .Add("53", TsuyamaQrConstants.CurrencyYen);
        if (amount is { } yen)
        {
            writer.Add("54", yen.ToString(CultureInfo.InvariantCulture));
        }

        return writer
            .Add("58", TsuyamaQrConstants.CountryJapan)
            .Add("59", MerchantQrText.RomajiName(merchant.NameRomaji))
            .Add("60", TsuyamaQrConstants.CityRomaji)
            .Add("61", MerchantQrText.PostalCode(merchant.PostalCode));
    }

    private static string FinishPayload(EmvcoWriter writer, MerchantQrInfo merchant) =>
        writer.AddTemplate("64", t => t
                .Add("00", TsuyamaQrConstants.LanguageJapanese)
                .Add("01", MerchantQrText.JapaneseName(merchant.NameJapanese))
                .Add("02", TsuyamaQrConstants.CityJapanese))
            .ToPayload();
}
