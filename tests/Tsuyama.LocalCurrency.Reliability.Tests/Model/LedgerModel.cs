using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Model;

public sealed record ModelProgram(string Code, long General, long SmallBusiness, DateOnly SalesFrom, DateOnly SalesUntil, DateOnly ExpiresOn,
    bool AllowTransfers, int TransferFeeBps, int RedemptionFeeBps, int MaxUnitsPerResident);

public sealed class ModelAllocation(int program, PointKind kind, long amount)
{
    public int Program { get; } = program;
    public PointKind Kind { get; } = kind;
    public long Amount { get; } = amount;
    public long Refunded { get; set; }
}

public sealed class ModelPayment(int resident, int merchant, long amount, List<ModelAllocation> allocations)
{
    public Guid RealId { get; set; }
    public int Resident { get; } = resident;
    public int Merchant { get; } = merchant;
    public long Amount { get; } = amount;
    public long Refunded { get; set; }
    public List<ModelAllocation> Allocations { get; } = allocations;

    public ModelPayment Clone() => new(
        Resident,
        Merchant,
        Amount,
        Allocations.Select(a => new ModelAllocation(a.Program, a.Kind, a.Amount) { Refunded = a.Refunded }).ToList())
    {
        RealId = RealId,
        Refunded = Refunded,
    };
}

/// <summary>
/// The rules of DESIGN §4–5 in a few dictionaries, written from the design rather than the code:
/// spend order, eligibility, refunds last-drawn-first, merchant transfers with their fee, settlement
/// up to a cutoff once, expiry of residents' points only. Outcomes are strings so a step can be
/// compared with what the real use case answered.
/// </summary>
public sealed class LedgerModel
{
    public const long MaxAmount = 1_000_000;
    public static readonly PointKind[] Kinds = [PointKind.SmallBusiness, PointKind.General];

    public LedgerModel(IReadOnlyList<ModelProgram> programs, IReadOnlyList<bool> merchantIsLarge, DateOnly today)
    {
        Programs = programs;
        MerchantIsLarge = merchantIsLarge;
        Today = today;
        FirstDay = today;
    }

    public IReadOnlyList<ModelProgram> Programs { get; }
    public IReadOnlyList<bool> MerchantIsLarge { get; }
    public DateOnly FirstDay { get; }
    public DateOnly Today { get; private set; }
    public Dictionary<(int R, int P, PointKind K), long> Residents { get; private set; } = [];
    public Dictionary<(int M, int P, PointKind K), long> Merchants { get; private set; } = [];
    public Dictionary<(int R, int P), int> Units { get; private set; } = [];
    public long[] Redeemed { get; private set; } = new long[2];
    public long[] Expired { get; private set; } = new long[2];
    public long[] Fees { get; private set; } = new long[2];
    public List<ModelPayment> Payments { get; private set; } = [];
    public DateOnly? LastCutoff { get; private set; }

    /// <summary>Merchant balances at the end of each day that has ended.</summary>
    private Dictionary<DateOnly, Dictionary<(int M, int P, PointKind K), long>> _endOfDay = [];

    private List<(DateOnly Day, (int M, int P, PointKind K) Key, long Points)> _redemptions = [];

    public LedgerModel Clone() => new(Programs, MerchantIsLarge, FirstDay)
    {
        Today = Today,
        Residents = new(Residents),
        Merchants = new(Merchants),
        Units = new(Units),
        Redeemed = (long[])Redeemed.Clone(),
        Expired = (long[])Expired.Clone(),
        Fees = (long[])Fees.Clone(),
        Payments = Payments.Select(p => p.Clone()).ToList(),
        LastCutoff = LastCutoff,
        _endOfDay = _endOfDay.ToDictionary(d => d.Key, d => new Dictionary<(int, int, PointKind), long>(d.Value)),
        _redemptions = [.. _redemptions],
    };

    public void NextDay()
    {
        _endOfDay[Today] = new(Merchants);
        Today = Today.AddDays(1);
    }

    public string Buy(int r, int p, int units)
    {
        if (units is < 1 or > 10_000)
        {
            return "validation";
        }

        var program = Programs[p];
        if (Today < program.SalesFrom || Today > program.SalesUntil)
        {
            return "sales-closed";
        }

        var bought = Units.GetValueOrDefault((r, p));
        if (bought + units > program.MaxUnitsPerResident)
        {
            return "limit-exceeded";
        }

        Units[(r, p)] = bought + units;
        Add(Residents, (r, p, PointKind.General), units * program.General);
        Add(Residents, (r, p, PointKind.SmallBusiness), units * program.SmallBusiness);
        return $"ok {units * program.General}/{units * program.SmallBusiness}";
    }

    /// <returns>The outcome and, on success, the payment added to <see cref="Payments"/>.</returns>
    public (string Outcome, ModelPayment? Payment) Pay(int r, int m, long amount)
    {
        if (amount is < 1 or > MaxAmount)
        {
            return ("validation", null);
        }

        var large = MerchantIsLarge[m];
        var spendable = Kinds
            .SelectMany(k => Enumerable.Range(0, Programs.Count).OrderBy(p => Programs[p].ExpiresOn).Select(p => (P: p, K: k)))
            .Where(x => Programs[x.P].ExpiresOn >= Today && Residents.GetValueOrDefault((r, x.P, x.K)) > 0)
            .ToList();
        var eligible = spendable.Where(x => !large || x.K == PointKind.General).ToList();
        if (eligible.Sum(x => Residents[(r, x.P, x.K)]) < amount)
        {
            return (large && spendable.Sum(x => Residents[(r, x.P, x.K)]) >= amount ? "merchant-not-eligible" : "insufficient-balance", null);
        }

        var left = amount;
        var allocations = new List<ModelAllocation>();
        foreach (var (p, k) in eligible)
        {
            var take = Math.Min(left, Residents[(r, p, k)]);
            Add(Residents, (r, p, k), -take);
            Add(Merchants, (m, p, k), take);
            allocations.Add(new ModelAllocation(p, k, take));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        var payment = new ModelPayment(r, m, amount, allocations);
        Payments.Add(payment);
        return ($"ok {amount} [{PaymentParts(allocations.Select(a => (a.Program, a.Kind, a.Amount)))}]", payment);
    }

    public static string PaymentParts(IEnumerable<(int Program, PointKind Kind, long Points)> parts) =>
        string.Join(",", parts.OrderBy(p => p.Program).ThenBy(p => p.Kind).Select(p => $"P{p.Program}.{p.Kind}={p.Points}"));

    public string Refund(int paymentIndex, long amount, bool stranger)
    {
        var payment = Payments[paymentIndex];
        if (amount is < 1 or > MaxAmount)
        {
            return "validation";
        }

        if (stranger)
        {
            return "forbidden";
        }

        var takes = new List<(ModelAllocation Allocation, long Take)>();
        var left = amount;
        foreach (var allocation in Enumerable.Reverse(payment.Allocations))
        {
            var take = Math.Min(left, allocation.Amount - allocation.Refunded);
            if (take <= 0)
            {
                continue;
            }

            takes.Add((allocation, take));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        // Points past their last day are not refunded (the shop refunds in cash; ADR 0014, these
        // programs grant no grace), and that is told before whether the amount is too large.
        if (takes.Any(t => Programs[t.Allocation.Program].ExpiresOn < Today))
        {
            return "expired";
        }

        if (payment.Refunded + amount > payment.Amount)
        {
            return "refund-exceeds-payment";
        }

        // The merchant gives the points back from its balance; points it already spent or redeemed cannot be.
        foreach (var g in takes.GroupBy(t => (t.Allocation.Program, t.Allocation.Kind)))
        {
            if (Merchants.GetValueOrDefault((payment.Merchant, g.Key.Program, g.Key.Kind)) < g.Sum(t => t.Take))
            {
                return "insufficient-balance";
            }
        }

        foreach (var (allocation, take) in takes)
        {
            allocation.Refunded += take;
            Add(Merchants, (payment.Merchant, allocation.Program, allocation.Kind), -take);
            Add(Residents, (payment.Resident, allocation.Program, allocation.Kind), take);
        }

        payment.Refunded += amount;
        return $"ok {amount}";
    }

    public string Transfer(int from, int to, long amount)
    {
        if (amount is < 1 or > MaxAmount || from == to)
        {
            return "validation";
        }

        // Programs are created in index order, so "oldest program first" is index order.
        var holdings = Kinds.SelectMany(k => Enumerable.Range(0, Programs.Count).Select(p => (P: p, K: k)))
            .Where(x => Merchants.GetValueOrDefault((from, x.P, x.K)) > 0)
            .ToList();
        var usable = holdings.Where(x => Programs[x.P].AllowTransfers).ToList();
        if (usable.Sum(x => Merchants[(from, x.P, x.K)]) < amount)
        {
            return holdings.Sum(x => Merchants[(from, x.P, x.K)]) >= amount ? "merchant-transfers-not-allowed" : "insufficient-balance";
        }

        // The fee is charged once on the whole transfer, rounded up (ADR 0013); each part pays the
        // rise of the rounded-up running total, so the parts add up to the whole fee.
        long left = amount, fee = 0, exact = 0;
        foreach (var (p, k) in usable)
        {
            var take = Math.Min(left, Merchants[(from, p, k)]);
            exact += take * Programs[p].TransferFeeBps;
            var partFee = ((exact + 9_999) / 10_000) - fee;
            Add(Merchants, (from, p, k), -take);
            Add(Merchants, (to, p, k), take - partFee);
            Fees[p] += partFee;
            fee += partFee;
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        return $"ok {amount} fee {fee}";
    }

    public string Settle(DateOnly cutoff)
    {
        if (cutoff >= Today)
        {
            return "cutoff-not-over";
        }

        if (LastCutoff is { } last && last >= cutoff)
        {
            return "conflict";
        }

        // Everything received up to the end of the cutoff day, less what later runs already redeemed.
        var atCutoff = _endOfDay.GetValueOrDefault(cutoff) ?? [];
        var due = new List<((int M, int P, PointKind K) Key, long Points)>();
        foreach (var (key, balance) in Merchants)
        {
            var redeemedSince = _redemptions.Where(x => x.Day > cutoff && x.Key == key).Sum(x => x.Points);
            var points = Math.Min(balance, atCutoff.GetValueOrDefault(key) - redeemedSince);
            if (points > 0)
            {
                due.Add((key, points));
            }
        }

        foreach (var (key, points) in due)
        {
            Add(Merchants, key, -points);
            Redeemed[key.P] += points;
            _redemptions.Add((Today, key, points));
        }

        LastCutoff = cutoff;
        var fee = due.GroupBy(d => (d.Key.M, d.Key.P)).Sum(g => SettlementFees.Compute(g.Sum(d => d.Points), Programs[g.Key.P].RedemptionFeeBps).Fee);
        return $"ok {due.Select(d => d.Key.M).Distinct().Count()} {due.Sum(d => d.Points)} {fee}";
    }

    public string Expire(DateOnly asOf)
    {
        if (asOf > Today)
        {
            return "date-in-future";
        }

        long points = 0;
        foreach (var (key, amount) in Residents.ToList())
        {
            if (amount > 0 && Programs[key.P].ExpiresOn < asOf)
            {
                Residents[key] = 0;
                Expired[key.P] += amount;
                points += amount;
            }
        }

        return $"ok {points}";
    }

    private static void Add<TKey>(Dictionary<TKey, long> map, TKey key, long delta)
        where TKey : notnull =>
        map[key] = map.GetValueOrDefault(key) + delta;
}
