using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.MonteCarlo;

/// <summary>Read-only lookup tables built once per scenario and shared by every run.</summary>
internal sealed class MarketLayout
{
    public MarketLayout(FlowModel model)
    {
        var scenario = model.Scenario;
        var sectors = scenario.Sectors;
        var n = sectors.Count;
        Scenario = scenario;
        SectorCount = n;

        MerchantStart = new int[n];
        MerchantCount = new int[n];
        var total = 0;
        for (var i = 0; i < n; i++)
        {
            MerchantStart[i] = total;
            MerchantCount[i] = sectors[i].Merchants;
            total += sectors[i].Merchants;
        }

        MerchantSector = new int[total];
        for (var i = 0; i < n; i++)
        {
            Array.Fill(MerchantSector, i, MerchantStart[i], MerchantCount[i]);
        }

        // Residents pick sectors with the same probabilities the expected-flow injection uses.
        GeneralSectorCumulative = Cumulative(model.GeneralBySector);
        SmallBusinessSectorCumulative = Cumulative(model.SmallBusinessBySector);

        // Index 0: receipts held as yen, 1: receipts held as points (Parcel.IsPoints).
        SupplierCumulative = [new double[n][], new double[n][]];
        SupplierTarget = [new int[n][], new int[n][]];
        for (var i = 0; i < n; i++)
        {
            foreach (var (form, suppliers) in new[] { (0, sectors[i].SupplierShares), (1, sectors[i].PointsSuppliers) })
            {
                var shares = suppliers.ToList();
                SupplierTarget[form][i] = shares.Select(p => model.SectorIndex[p.Key]).ToArray();
                SupplierCumulative[form][i] = Cumulative(shares.Select(p => p.Value).ToArray());
            }
        }

        LocalRespendShare = [sectors.Select(s => s.LocalRespendShare).ToArray(), sectors.Select(s => s.PointsLocalRespend).ToArray()];
        RespendInPointsShare = sectors.Select(s => s.RespendInPointsShare).ToArray();
        Residents = scenario.Residents ?? (int)Math.Min(scenario.Injection.UnitsSold, int.MaxValue);
        // A single weight is even spending: null keeps its original single draw, so seeded even results are unchanged.
        var curve = scenario.MonteCarlo.SpendingCurve ?? Scenarios.SpendingCurves.Default;
        SpendingCurveCumulative = curve.Count > 1 ? Cumulative([.. curve]) : null;
    }

    public Scenario Scenario { get; }

    public int SectorCount { get; }

    public int MerchantTotal => MerchantSector.Length;

    public int Residents { get; }

    public int[] MerchantStart { get; }

    public int[] MerchantCount { get; }

    public int[] MerchantSector { get; }

    public double[] GeneralSectorCumulative { get; }

    public double[] SmallBusinessSectorCumulative { get; }

    /// <summary>[form][sector]: form 0 = receipt held as yen, 1 = held as points.</summary>
    public double[][][] SupplierCumulative { get; }

    /// <summary>[form][sector], as <see cref="SupplierCumulative"/>.</summary>
    public int[][][] SupplierTarget { get; }

    /// <summary>[form][sector], as <see cref="SupplierCumulative"/>.</summary>
    public double[][] LocalRespendShare { get; }

    public double[] RespendInPointsShare { get; }

    /// <summary>Cumulative weights of monteCarlo.spendingCurve (or the default curve); null = spending even over the validity period.</summary>
    public double[]? SpendingCurveCumulative { get; }

    /// <summary>Index of the first cumulative weight above u (u in [0,1)).</summary>
    public static int Pick(double[] cumulative, double u)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (u < cumulative[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    // Normalised so the last sector with weight is exactly 1 and rounding never lets u fall off the end.
    private static double[] Cumulative(double[] weights)
    {
        var sum = weights.Sum();
        var result = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            result[i] = sum > 0 ? running / sum : (i + 1.0) / weights.Length;
        }

        var lastPositive = Array.FindLastIndex(weights, w => w > 0);
        for (var i = Math.Max(lastPositive, 0); i < result.Length; i++)
        {
            result[i] = 1.0;
        }

        return result;
    }
}
