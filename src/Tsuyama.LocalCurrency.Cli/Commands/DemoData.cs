using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>A small Tsuyama high street: names are invented, categories and sizes are typical.</summary>
internal static class DemoData
{
    public const string ProgramCode = "DEMO-TSUYAMA";
    public const string ShortProgramCode = "DEMO-TSUYAMA-SUMMER";
    public const string Password = "demo2026pass";

    public static readonly (string Name, string Kana, string Romaji, string Mcc, MerchantSize Size)[] Merchants =
    [
        ("城下町ベーカリー", "ジョウカマチベーカリー", "Jokamachi Bakery", "5462", MerchantSize.Small),
        ("津山ホルモンうどん亭", "ツヤマホルモンウドンテイ", "Tsuyama Horumon Udon", "5812", MerchantSize.Small),
        ("鶴山青果店", "カクザンセイカテン", "Kakuzan Greengrocer", "5411", MerchantSize.Small),
        ("衆楽園茶房", "シュウラクエンサボウ", "Shurakuen Sabo", "5814", MerchantSize.Small),
        ("吉井川鮮魚", "ヨシイガワセンギョ", "Yoshiigawa Fish", "5422", MerchantSize.Small),
        ("作州理容室", "サクシュウリヨウシツ", "Sakushu Barber", "7230", MerchantSize.Small),
        ("美作文具店", "ミマサカブングテン", "Mimasaka Stationery", "5943", MerchantSize.Small),
        ("城東書店", "ジョウトウショテン", "Joto Books", "5942", MerchantSize.Small),
        ("津山まちなか酒店", "ツヤママチナカサケテン", "Machinaka Liquor", "5921", MerchantSize.Small),
        ("院庄クリーニング", "インノショウクリーニング", "Innosho Cleaning", "7216", MerchantSize.Small),
        ("二宮電器", "ニノミヤデンキ", "Ninomiya Denki", "5732", MerchantSize.Small),
        ("高野精肉店", "タカノセイニクテン", "Takano Butcher", "5422", MerchantSize.Small),
        ("作州食品卸", "サクシュウショクヒンオロシ", "Sakushu Food Wholesale", "5141", MerchantSize.Small),
        ("美作農産物直売所", "ミマサカノウサンブツチョクバイジョ", "Mimasaka Farm Stand", "5499", MerchantSize.Small),
        ("つやまスーパーセンター", "ツヤマスーパーセンター", "Tsuyama Supercenter", "5411", MerchantSize.Large),
        ("ホームセンター津山", "ホームセンターツヤマ", "Home Center Tsuyama", "5200", MerchantSize.Large),
        ("津山ドラッグ", "ツヤマドラッグ", "Tsuyama Drug", "5912", MerchantSize.Large),
        ("アルネ百貨", "アルネヒャッカ", "Arne Department", "5311", MerchantSize.Large),
        ("津山家電プラザ", "ツヤマカデンプラザ", "Tsuyama Kaden Plaza", "5732", MerchantSize.Large),
        ("美作ショッピングモール", "ミマサカショッピングモール", "Mimasaka Mall", "5311", MerchantSize.Large),
    ];

    public static PayoutDetails Payout(int i, string kana) =>
        new("0168", (100 + i).ToString("D3", System.Globalization.CultureInfo.InvariantCulture), BankAccountType.Ordinary,
            (1_000_000 + (i * 7919)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture), kana);
}
