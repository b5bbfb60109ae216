namespace Tsuyama.LocalCurrency.Qr;

/// <summary>Fixed values of our EMVCo payloads (DESIGN §6).</summary>
public static class TsuyamaQrConstants
{
    /// <summary>Globally unique identifier in sub-tag 00 of our merchant account template (reverse domain, as EMVCo asks).</summary>
    public const string GloballyUniqueId = "jp.tsuyama.lc";

    /// <summary>The merchant account template tag we write; the decoder accepts our id in any of 26–51.</summary>
    public const string MerchantAccountTag = "26";

    public const string StaticInitiation = "11";
    public const string DynamicInitiation = "12";
    public const string CurrencyYen = "392";
    public const string CountryJapan = "JP";
    public const string CityRomaji = "TSUYAMA";
    public const string CityJapanese = "津山市";
    public const string LanguageJapanese = "JA";
}
