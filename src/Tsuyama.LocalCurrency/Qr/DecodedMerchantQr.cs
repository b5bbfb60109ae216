namespace Tsuyama.LocalCurrency.Qr;

/// <summary>A scanned code that is one of ours, checked and ready for the payment use case.</summary>
/// <param name="Amount">Whole yen for a dynamic code; null for a store code (the resident types it).</param>
/// <param name="RequestId">The payment request a dynamic code stands for (sub-tag 02 of our template); null for a store code.</param>
/// <param name="MerchantNameJapanese">Name from template 64 when its language is JA.</param>
/// <param name="StoreLabel">62.03 of a store code, if printed with one.</param>
public sealed record DecodedMerchantQr(
    Guid MerchantId,
    bool IsDynamic,
    long? Amount,
    Guid? RequestId,
    string MerchantName,
    string? MerchantNameJapanese,
    string MerchantCategoryCode,
    string City,
    string? PostalCode,
    string? StoreLabel);
