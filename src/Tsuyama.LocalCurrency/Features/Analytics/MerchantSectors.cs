using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Features.Analytics;

/// <summary>
/// The one mapping from a merchant's MCC (ISO 18245) and size to the simulation's sector ids
/// (simulations/scenarios/tsuyama-baseline.json), so observed circulation lines up with scenarios.
/// Rules, first match wins:
/// size large → large-chains; 5812/5813/5814 → restaurants; 50xx/51xx → wholesale;
/// 55xx (car dealers and fuel, incl. 554x service stations) and 4xxx (transport) → fuel-transport;
/// 7xxx/8xxx → services; anything else (and a malformed code) → retail-small.
/// </summary>
public static class MerchantSectors
{
    public const string RetailSmall = "retail-small";
    public const string Restaurants = "restaurants";
    public const string Services = "services";
    public const string FuelTransport = "fuel-transport";
    public const string LargeChains = "large-chains";
    public const string Wholesale = "wholesale";

    /// <summary>Every sector id, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [RetailSmall, Restaurants, Services, FuelTransport, LargeChains, Wholesale];

    public static string Of(string? category, MerchantSize size)
    {
        // Large stores are one sector whatever they sell: they alone cannot take smallBusiness points.
        if (size == MerchantSize.Large)
        {
            return LargeChains;
        }

        if (category is not { Length: 4 } || !category.All(char.IsAsciiDigit))
        {
            return RetailSmall;
        }

        return category switch
        {
            "5812" or "5813" or "5814" => Restaurants,
            ['5', '0' or '1', _, _] => Wholesale,
            ['5', '5', _, _] or ['4', _, _, _] => FuelTransport,
            ['7' or '8', _, _, _] => Services,
            _ => RetailSmall,
        };
    }
}
