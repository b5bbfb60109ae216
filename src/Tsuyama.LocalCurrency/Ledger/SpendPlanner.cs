using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Ledger;

/// <summary>A lot a resident could spend, as read inside the payment's transaction.</summary>
public sealed record SpendableLot(Guid LotId, Guid ProgramId, string ProgramCode, PointKind Kind, DateOnly ExpiresOn, long Remaining, DateTime CreatedAt);

public sealed record LotDraw(SpendableLot Lot, long Amount);

/// <summary>
/// DESIGN §4 spend order: at a small merchant smallBusiness points go first, then general; within
/// a kind the earliest expiry first (then the oldest lot, so the order is total and repeatable).
/// A large merchant takes general points only.
/// </summary>
public static class SpendPlanner
{
    public static bool Accepts(MerchantSize size, PointKind kind) => size == MerchantSize.Small || kind == PointKind.General;

    /// <summary>
    /// Wherever points are drawn (a payment, a merchant transfer) smallBusiness points go first: they
    /// are the ones fewer shops take, so spending them first leaves the holder the most usable balance.
    /// </summary>
    public static int KindOrder(PointKind kind) => kind == PointKind.SmallBusiness ? 0 : 1;

    /// <summary>Takes from each source in the given order until <paramref name="amount"/> is covered.</summary>
    /// <returns>What each source gives, or null when all of them together hold less.</returns>
    public static List<(T Source, long Take)>? Draw<T>(IEnumerable<T> ordered, Func<T, long> available, long amount)
    {
        var takes = new List<(T Source, long Take)>();
        var left = amount;
        foreach (var source in ordered)
        {
            var take = Math.Min(left, available(source));
            takes.Add((source, take));
            left -= take;
            if (left == 0)
            {
                return takes;
            }
        }

        return null;
    }

    /// <returns>The draws covering <paramref name="amount"/>, or null when the eligible lots do not suffice.</returns>
    public static IReadOnlyList<LotDraw>? Plan(IEnumerable<SpendableLot> lots, MerchantSize size, DateOnly today, long amount)
    {
        var ordered = lots
            .Where(l => LotRules.IsSpendable(l.Remaining, l.ExpiresOn, today) && Accepts(size, l.Kind))
            .OrderBy(l => KindOrder(l.Kind))
            .ThenBy(l => l.ExpiresOn)
            .ThenBy(l => l.CreatedAt)
            .ThenBy(l => l.LotId);
        return Draw(ordered, l => l.Remaining, amount)?.Select(d => new LotDraw(d.Source, d.Take)).ToList();
    }
}
