namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Length limits from the EMVCo MPM specification for the tags we read or write. Tags not listed
/// are bounded only by the two-digit length (≤ 99).
/// </summary>
internal static class EmvcoTagRules
{
    public const int MaxPayloadCharacters = 512;

    // (min, max) characters per top-level tag.
    private static readonly Dictionary<string, (int Min, int Max)> TopLevel = new(StringComparer.Ordinal)
    {
        ["00"] = (2, 2),
        ["01"] = (2, 2),
        ["52"] = (4, 4),
        ["53"] = (3, 3),
        ["54"] = (1, 13),
        ["55"] = (2, 2),
        ["56"] = (1, 13),
        ["57"] = (1, 5),
        ["58"] = (2, 2),
        ["59"] = (1, 25),
        ["60"] = (1, 15),
        ["61"] = (1, 10),
        ["63"] = (4, 4),
    };

    private static readonly Dictionary<string, (int Min, int Max)> MerchantAccount = new(StringComparer.Ordinal)
    {
        ["00"] = (1, 32),
    };

    private static readonly Dictionary<string, (int Min, int Max)> AdditionalData = new(StringComparer.Ordinal)
    {
        ["01"] = (1, 25), ["02"] = (1, 25), ["03"] = (1, 25), ["04"] = (1, 25),
        ["05"] = (1, 25), ["06"] = (1, 25), ["07"] = (1, 25), ["08"] = (1, 25),
        ["09"] = (1, 3),
    };

    private static readonly Dictionary<string, (int Min, int Max)> Language = new(StringComparer.Ordinal)
    {
        ["00"] = (2, 2),
        ["01"] = (1, 25),
        ["02"] = (1, 15),
    };

    /// <summary>Limits for <paramref name="tag"/> inside the template <paramref name="parentTag"/> (null = top level).</summary>
    public static (int Min, int Max)? LimitsFor(string? parentTag, string tag)
    {
        var table = parentTag switch
        {
            null => TopLevel,
            "62" => AdditionalData,
            "64" => Language,
            _ when IsMerchantAccountTemplate(parentTag) => MerchantAccount,
            _ => null,
        };
        return table is not null && table.TryGetValue(tag, out var limits) ? limits : null;
    }

    public static bool IsMerchantAccountTemplate(string tag) =>
        tag.Length == 2 && char.IsAsciiDigit(tag[0]) && char.IsAsciiDigit(tag[1])
        && string.CompareOrdinal(tag, "26") >= 0 && string.CompareOrdinal(tag, "51") <= 0;

    public static bool IsValidTag(string tag) =>
        tag.Length == 2 && char.IsAsciiDigit(tag[0]) && char.IsAsciiDigit(tag[1]);
}
