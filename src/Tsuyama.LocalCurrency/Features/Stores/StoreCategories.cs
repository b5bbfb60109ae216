namespace Tsuyama.LocalCurrency.Features.Stores;

/// <summary>A readable name for a merchant category code (ISO 18245), as a resident would say it.</summary>
public sealed record CategoryLabel(string Ja, string En);

/// <summary>
/// Names for the codes Tsuyama's shops use; any other code gets its range's name (58xx eating
/// out, 5xxx shops, 7xxx services, …), so a new shop never shows a bare number.
/// </summary>
public static class StoreCategories
{
    private static readonly Dictionary<string, CategoryLabel> Known = new(StringComparer.Ordinal)
    {
        ["4121"] = new("タクシー", "Taxi"),
        ["4131"] = new("バス", "Bus"),
        ["5200"] = new("ホームセンター", "Home centre"),
        ["5251"] = new("金物店", "Hardware"),
        ["5261"] = new("園芸店", "Garden centre"),
        ["5311"] = new("百貨店", "Department store"),
        ["5331"] = new("雑貨店", "Variety store"),
        ["5411"] = new("スーパー・食料品店", "Supermarket, grocery"),
        ["5422"] = new("精肉・鮮魚店", "Butcher, fishmonger"),
        ["5441"] = new("和洋菓子店", "Confectionery"),
        ["5451"] = new("乳製品店", "Dairy"),
        ["5462"] = new("パン・菓子店", "Bakery"),
        ["5499"] = new("食料品店", "Food shop"),
        ["5541"] = new("ガソリンスタンド", "Petrol station"),
        ["5542"] = new("ガソリンスタンド", "Petrol station"),
        ["5611"] = new("紳士服店", "Menswear"),
        ["5621"] = new("婦人服店", "Womenswear"),
        ["5651"] = new("衣料品店", "Clothing"),
        ["5661"] = new("靴店", "Shoes"),
        ["5712"] = new("家具店", "Furniture"),
        ["5722"] = new("家電店", "Electrical appliances"),
        ["5812"] = new("飲食店", "Restaurant"),
        ["5813"] = new("居酒屋・バー", "Izakaya, bar"),
        ["5814"] = new("軽食・ファストフード", "Fast food, café"),
        ["5912"] = new("薬局・ドラッグストア", "Pharmacy"),
        ["5921"] = new("酒店", "Liquor shop"),
        ["5941"] = new("スポーツ用品店", "Sporting goods"),
        ["5942"] = new("書店", "Bookshop"),
        ["5944"] = new("時計・宝飾店", "Watches, jewellery"),
        ["5945"] = new("玩具店", "Toys"),
        ["5947"] = new("ギフト・土産物店", "Gifts, souvenirs"),
        ["5977"] = new("化粧品店", "Cosmetics"),
        ["5992"] = new("花屋", "Florist"),
        ["5993"] = new("たばこ店", "Tobacconist"),
        ["5995"] = new("ペットショップ", "Pet shop"),
        ["5999"] = new("小売店", "Shop"),
        ["7011"] = new("宿泊施設", "Hotel, inn"),
        ["7210"] = new("クリーニング店", "Laundry"),
        ["7230"] = new("美容室・理容室", "Hair salon, barber"),
        ["7538"] = new("自動車整備", "Car repair"),
        ["7542"] = new("洗車", "Car wash"),
        ["8011"] = new("医院", "Clinic"),
        ["8021"] = new("歯科医院", "Dentist"),
    };

    public static CategoryLabel Of(string? mcc) => mcc is not null && Known.TryGetValue(mcc, out var label) ? label : mcc switch
    {
        ['5', '8', _, _] => new("飲食店", "Eating out"),
        ['5', '5', _, _] => new("自動車関連", "Motoring"),
        ['5', _, _, _] => new("小売店", "Shop"),
        ['4', _, _, _] => new("交通", "Transport"),
        ['7', _, _, _] => new("サービス", "Services"),
        ['8', _, _, _] => new("医療・専門サービス", "Health, professional services"),
        _ => new("その他", "Other"),
    };
}
