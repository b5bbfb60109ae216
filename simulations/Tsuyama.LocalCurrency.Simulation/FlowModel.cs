using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation;

/// <summary>
/// The scenario turned into numbers both engines share, so that the Monte Carlo engine has, in
/// expectation, exactly the flows the expected-flow engine solves.
/// </summary>
/// <remarks>
/// Injection rule (smallBusinessAdditionality = 0, the default): smallBusiness points go to the small sectors in proportion to their
/// residentSpendShare. General points then fill each sector's gap to its target
/// (residentSpendShare × R1), scaled to the general total. When small points fit inside the small
/// sectors' targets this reproduces residentSpendShare exactly; when there are more small points
/// than the small sectors' share, small sectors get only small points and general points go to
/// large sectors in proportion to their shares (the closest feasible split). Residents then treat the two kinds
/// as interchangeable, so smallBusiness points change nothing while they fit. smallBusinessAdditionality a
/// mixes in the opposite view: a share a of the general points is spent by residentSpendShare as if the
/// smallBusiness points did not exist, so those points add to what small shops would have had.
/// Fees: a merchant-to-merchant transfer loses merchantTransferFeeRate, a redemption to yen loses
/// redemptionFeeRate; fees go to the issuer and leave local circulation.
/// Forms: a receipt held as points re-spends pointsLocalRespendShare locally (to pointsSupplierShares),
/// one held as yen localRespendShare (to supplierShares). A transfer keeps the next receipt in points,
/// a redemption turns it into yen, so respendInPointsShare matters whenever the two shares differ.
/// </remarks>
public sealed class FlowModel
{
    private FlowModel(Scenario scenario)
    {
        Scenario = scenario;
        var sectors = scenario.Sectors;
        var n = sectors.Count;
        var index = sectors.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        SectorIndex = index;

        var keep = 1 - scenario.BreakageShare;
        GeneralYen = scenario.Injection.UnitsSold * (double)scenario.Injection.PointsPerUnit.General * keep;
        SmallBusinessYen = scenario.Injection.UnitsSold * (double)scenario.Injection.PointsPerUnit.SmallBusiness * keep;
        R1 = GeneralYen + SmallBusinessYen;
        (GeneralBySector, SmallBusinessBySector) = SplitInjection(sectors, GeneralYen, SmallBusinessYen, R1, scenario.SmallBusinessAdditionality);

        // States 0..n-1: money held as points by a sector; n..2n-1: money held as yen.
        Transition = new double[2 * n, 2 * n];
        PointsTransition = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var s = sectors[i];
            var pointsKept = s.RespendInPointsShare * (1 - scenario.MerchantTransferFeeRate);
            var redeemedKept = (1 - s.RespendInPointsShare) * (1 - scenario.RedemptionFeeRate);
            // A receipt held as points re-spends with the points shares; one held as yen with the yen shares.
            foreach (var (target, share) in s.PointsSuppliers)
            {
                var j = index[target];
                var local = s.PointsLocalRespend * share;
                Transition[i, j] += local * pointsKept;
                Transition[i, n + j] += local * redeemedKept;
                PointsTransition[i, j] += local * pointsKept;
            }

            foreach (var (target, share) in s.SupplierShares)
            {
                // Yen stay yen: no fee, no way back into points.
                Transition[n + i, n + index[target]] += s.LocalRespendShare * share;
            }
        }
    }

    public Scenario Scenario { get; }

    public int SectorCount => Scenario.Sectors.Count;

    /// <summary>Position of each sector id in <see cref="Scenario.Sectors"/>.</summary>
    public IReadOnlyDictionary<string, int> SectorIndex { get; }

    /// <summary>Round 1: points the residents spend (issued less breakage), yen.</summary>
    public double R1 { get; }

    public double GeneralYen { get; }

    public double SmallBusinessYen { get; }

    /// <summary>General points landing in each sector in round 1, yen.</summary>
    public double[] GeneralBySector { get; }

    /// <summary>smallBusiness points landing in each sector in round 1, yen.</summary>
    public double[] SmallBusinessBySector { get; }

    /// <summary>
    /// Q over 2n states (points held by sector i = i, yen held by sector i = n + i): yen reaching state j
    /// in the next round per yen in state i, after fees. With zero fees, summing over forms gives
    /// pointsLocalRespendShare_i × pointsSupplierShares_i[j] from points and localRespendShare_i × supplierShares_i[j] from yen.
    /// </summary>
    public double[,] Transition { get; }

    /// <summary>The points-to-points block of <see cref="Transition"/> (n × n).</summary>
    public double[,] PointsTransition { get; }

    public double[] InjectionBySector() => GeneralBySector.Zip(SmallBusinessBySector, (g, s) => g + s).ToArray();

    /// <summary>Round 1 over the 2n states: residents pay in points, so the yen half is zero.</summary>
    public double[] InjectionByState() => [.. InjectionBySector(), .. new double[SectorCount]];

    public static FlowModel From(Scenario scenario) => new(scenario);

    /// <summary>Ids of sectors from which money can never reach a leak (turnover would be infinite).</summary>
    internal static IReadOnlyList<string> SectorsThatNeverLeak(Scenario scenario)
    {
        var q = new FlowModel(scenario).Transition;
        var n = q.GetLength(0);
        var reachesLeak = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var kept = 0.0;
            for (var j = 0; j < n; j++)
            {
                kept += q[i, j];
            }

            reachesLeak[i] = kept < 1 - 1e-12;
        }

        // Propagate backwards until no sector changes: whoever pays a sector that reaches a leak reaches it too.
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n && !reachesLeak[i]; j++)
                {
                    if (q[i, j] > 0 && reachesLeak[j])
                    {
                        reachesLeak[i] = changed = true;
                    }
                }
            }
        }

        var sectors = scenario.Sectors.Count;
        return Enumerable.Range(0, sectors).Where(i => !reachesLeak[i] || !reachesLeak[sectors + i]).Select(i => scenario.Sectors[i].Id).ToList();
    }

    // additionality a: the general points follow (1 − a) × the fungible split below + a × residentSpendShare,
    // i.e. with a = 1 residents spend their general points as they would without smallBusiness points.
    private static (double[] General, double[] Small) SplitInjection(
        IReadOnlyList<Sector> sectors, double general, double small, double r1, double additionality)
    {
        var (fungible, smallPart) = SplitFungible(sectors, general, small, r1);
        var shares = sectors.Sum(s => s.ResidentSpendShare);
        var generalPart = fungible
            .Select((g, i) => ((1 - additionality) * g) + (additionality * general * sectors[i].ResidentSpendShare / shares))
            .ToArray();
        return (generalPart, smallPart);
    }

    private static (double[] General, double[] Small) SplitFungible(
        IReadOnlyList<Sector> sectors, double general, double small, double r1)
    {
        var n = sectors.Count;
        var smallShareSum = sectors.Where(s => s.Size == SectorSize.Small).Sum(s => s.ResidentSpendShare);
        var smallPart = new double[n];
        var gap = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = sectors[i];
            if (s.Size == SectorSize.Small && smallShareSum > 0)
            {
                smallPart[i] = small * s.ResidentSpendShare / smallShareSum;
            }

            var target = s.ResidentSpendShare * r1;
            gap[i] = s.Size == SectorSize.Small ? Math.Max(0, target - smallPart[i]) : target;
        }

        var gapSum = gap.Sum();
        var generalPart = gap.Select(g => gapSum > 0 ? general * g / gapSum : 0).ToArray();
        return (generalPart, smallPart);
    }
}
