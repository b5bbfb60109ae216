namespace Tsuyama.LocalCurrency.Qr;

/// <summary>What a merchant's QR code says about the shop.</summary>
/// <param name="MerchantId">Merchant id (written as 32 lower-case hex digits).</param>
/// <param name="NameRomaji">Name in romaji; diacritics are dropped and it is cut to 25 characters.</param>
/// <param name="NameJapanese">Name in Japanese for template 64; cut to 25 characters.</param>
/// <param name="MerchantCategoryCode">ISO 18245 MCC, four digits.</param>
/// <param name="PostalCode">Seven digits; a hyphen ("708-8501") is accepted and removed.</param>
public sealed record MerchantQrInfo(
    Guid MerchantId,
    string NameRomaji,
    string NameJapanese,
    string MerchantCategoryCode,
    string PostalCode);
