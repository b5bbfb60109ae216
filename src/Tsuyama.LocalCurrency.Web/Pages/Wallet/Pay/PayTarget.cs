using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Features.Payments.QuotePayment;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;

/// <summary>Which shop a payment goes to, as carried from page to page: a typed store number or a scanned QR payload.</summary>
public sealed class PayTarget
{
    [FromQuery(Name = "store")] public string? Store { get; set; }
    [FromQuery(Name = "qr")] public string? Qr { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Store) && string.IsNullOrWhiteSpace(Qr);

    /// <summary>A dynamic code (a shop's payment request) already holds its amount: no keypad.</summary>
    public bool IsDynamicQr => !string.IsNullOrWhiteSpace(Qr) && MerchantQrDecoder.TryDecode(Qr, out var qr, out _) && qr!.IsDynamic;

    public QuotePaymentQuery Quote(Guid resident, long? amount) =>
        new(resident, null, string.IsNullOrWhiteSpace(Store) ? null : Store, string.IsNullOrWhiteSpace(Qr) ? null : Qr, amount);

    public Dictionary<string, string?> Route(long? amount = null) => new()
    {
        ["store"] = string.IsNullOrWhiteSpace(Store) ? null : Store,
        ["qr"] = string.IsNullOrWhiteSpace(Qr) ? null : Qr,
        ["amount"] = amount?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Amounts as residents type them: full-width digits and thousands separators are fine.</summary>
    public static long? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = text.Normalize(System.Text.NormalizationForm.FormKC)
            .Replace(",", "", StringComparison.Ordinal)
            .Replace("円", "", StringComparison.Ordinal)
            .Trim();
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : -1;
    }
}
