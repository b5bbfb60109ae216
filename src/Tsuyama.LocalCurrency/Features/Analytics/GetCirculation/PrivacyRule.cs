namespace Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;

/// <summary>
/// Small-cell suppression. A group is shown only if enough distinct merchants stand behind it; the
/// hidden groups are summed into one bucket. If that bucket itself would describe too few merchants
/// (so totals − shown rows would reveal them), the smallest shown groups join it until it does not.
/// </summary>
internal static class PrivacyRule
{
    public const int MinimumMerchants = 3;

    public const string Description =
        "A sector row is shown only if at least 3 distinct merchants were active in it during the period; a sector-to-sector flow " +
        "cell only if at least 3 distinct merchants sent and at least 3 distinct merchants received. Hidden rows and cells are " +
        "summed into the \"other-suppressed\" row and Flows.SuppressedPoints, so totals still add up; if that sum would itself " +
        "describe fewer than 3 merchants, the smallest shown rows or cells are hidden with it. No resident or merchant is named.";

    /// <param name="isLargeEnough">Whether one group, or the union of several, may be shown.</param>
    /// <param name="size">Orders the groups that join the bucket: smallest first.</param>
    public static (List<T> Shown, List<T> Hidden) Split<T>(IEnumerable<T> groups, Func<IReadOnlyCollection<T>, bool> isLargeEnough, Func<T, long> size)
    {
        var shown = new List<T>();
        var hidden = new List<T>();
        foreach (var group in groups)
        {
            (isLargeEnough([group]) ? shown : hidden).Add(group);
        }

        // Complementary suppression: the bucket may not single out the few merchants it hides.
        while (hidden.Count > 0 && !isLargeEnough(hidden) && shown.Count > 0)
        {
            var smallest = shown.OrderBy(size).First();
            shown.Remove(smallest);
            hidden.Add(smallest);
        }

        return (shown, hidden);
    }
}
