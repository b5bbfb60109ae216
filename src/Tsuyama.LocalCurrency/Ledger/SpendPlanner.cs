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

    /// <returns>The draws covering <paramref name="amount"/>, or null when the eligible lots do not suffice.</returns>
    public static IReadOnlyList<LotDraw>? Plan(IEnumerable<SpendableLot> lots, MerchantSize size, DateOnly today, long amount)
    {
        var ordered = lots
            .Where(l => l.Remaining > 0 && l.ExpiresOn >= today && Accepts(size, l.Kind))
            .OrderBy(l => l.Kind == PointKind.SmallBusiness ? 0 : 1)
            .ThenBy(l => l.ExpiresOn)
            .ThenBy(l => l.CreatedAt)
            .ThenBy(l => l.LotId);

        var draws = new List<LotDraw>();
        var left = amount;
        foreach (var lot in ordered)
        {
            var take = Math.Min(left, lot.Remaining);
            draws.Add(new LotDraw(lot, take));
            left -= take;
            if (left == 0)
            {
                return draws;
            }
        }

        return null;
    }
}
