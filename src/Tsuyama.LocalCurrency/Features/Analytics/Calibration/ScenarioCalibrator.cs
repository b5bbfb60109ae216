using System.Globalization;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Analytics.Calibration;

/// <summary>A scenario calibrated from the ledger, with one note per field saying where its value came from.</summary>
public sealed record CalibratedScenario(Scenario Scenario, IReadOnlyList<string> Notes);

/// <summary>
/// Turns observed circulation into a scenario both simulation engines can run (DESIGN §7, "From the
/// ledger"). The ledger sees where residents spend points and what merchants do with the points they
/// hold; it cannot see yen re-spend or leakage, so those stay as the base scenario says.
/// The rules are listed in simulations/scenarios/README.md ("台帳による較正 / calibrating from the ledger").
/// </summary>
public static class ScenarioCalibrator
{
    /// <summary>simulations/scenarios/tsuyama-baseline.json, embedded so the CLI needs no file next to it.</summary>
    public static Scenario Baseline()
    {
        using var stream = typeof(ScenarioCalibrator).Assembly.GetManifestResourceStream("Tsuyama.LocalCurrency.BaselineScenario.json")
            ?? throw new InvalidOperationException("The embedded baseline scenario is missing from the build.");
        using var reader = new StreamReader(stream);
        return ScenarioLoader.Parse(reader.ReadToEnd());
    }

    /// <exception cref="ScenarioValidationException">The calibrated scenario breaks a scenario rule (it is validated before it is returned).</exception>
    public static CalibratedScenario Calibrate(CirculationReport report, Scenario? baseScenario = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var based = baseScenario ?? Baseline();
        var notes = new List<string>
        {
            $"calibrated from the ledger, JST {Day(report.From)}–{Day(report.To)}; base scenario \"{based.Name}\"",
            "kept from the base: injection, netNewConsumptionShare, expiryDays, redemptionFeeRate, residents, monteCarlo, " +
            "and every sector's merchants, local re-spend shares and supplier shares (yen re-spend and leakage are invisible to the ledger); " +
            "smallBusinessAdditionality is 0 (observed shares include it)",
        };

        var spend = SpendShares(report, based, notes);
        var sectors = based.Sectors.Select(s => s with
        {
            ResidentSpendShare = spend[s.Id],
            RespendInPointsShare = RespendInPoints(report, s, notes),
        }).ToList();

        var calibrated = based with
        {
            Name = $"{based.Name}（台帳で較正 {Day(report.From)}〜{Day(report.To)}）",
            Sectors = sectors,
            MerchantTransferFeeRate = TransferFeeRate(report.Totals, based, notes),
            BreakageShare = Breakage(report, based, notes),
            // Observed spend shares already include whatever the smallBusiness points shifted to small shops.
            SmallBusinessAdditionality = 0,
        };

        calibrated = calibrated with { Uncertainty = ObservedRangesDropped(based, calibrated, notes) };

        // Round trip through the loader: exactly what `simulate` would accept, or an exception saying why not.
        return new CalibratedScenario(ScenarioLoader.Parse(ScenarioLoader.ToJson(calibrated)), notes);
    }

    // A base range guessed an input the ledger has now observed: the observation replaces the guess (and may lie outside it).
    private static UncertaintySettings? ObservedRangesDropped(Scenario based, Scenario calibrated, List<string> notes)
    {
        if (based.Uncertainty is not { } uncertainty)
        {
            return null;
        }

        bool Observed(string parameter) =>
            (parameter == "breakageShare" && calibrated.BreakageShare != based.BreakageShare)
            || (parameter == "merchantTransferFeeRate" && calibrated.MerchantTransferFeeRate != based.MerchantTransferFeeRate)
            || parameter.Contains("respendInPointsShare", StringComparison.Ordinal);
        var dropped = uncertainty.Ranges.Where(r => Observed(r.Parameter)).Select(r => r.Parameter).ToList();
        if (dropped.Count > 0)
        {
            notes.Add($"uncertainty: dropped the base's ranges for observed inputs ({string.Join(", ", dropped)})");
        }

        var kept = uncertainty.Ranges.Where(r => !Observed(r.Parameter)).ToList();
        return kept.Count == 0 ? null : uncertainty with { Ranges = kept };
    }

    private static Dictionary<string, double> SpendShares(CirculationReport report, Scenario based, List<string> notes)
    {
        var baseShares = based.Sectors.ToDictionary(s => s.Id, s => s.ResidentSpendShare, StringComparer.Ordinal);
        if (report.Totals.SpentByResidents <= 0)
        {
            notes.Add("residentSpendShare: kept from the base (no resident spending in the period)");
            return baseShares;
        }

        var observed = report.Sectors
            .Where(r => !r.Suppressed && r.ResidentSpendShare is not null && baseShares.ContainsKey(r.Id))
            .ToDictionary(r => r.Id, r => Math.Max(0, r.ResidentSpendShare!.Value), StringComparer.Ordinal);
        // What the ledger could not attribute to a shown sector (suppressed rows, sectors the base does
        // not have) goes to the base's other sectors in the base's proportions.
        var rest = baseShares.Keys.Where(id => !observed.ContainsKey(id)).ToList();
        var unassigned = Math.Max(0, 1 - observed.Values.Sum());
        var restBase = rest.Sum(id => baseShares[id]);
        var shares = new Dictionary<string, double>(observed, StringComparer.Ordinal);
        foreach (var id in rest)
        {
            shares[id] = restBase > 0 ? unassigned * baseShares[id] / restBase : unassigned / rest.Count;
        }

        var total = shares.Values.Sum();
        foreach (var id in shares.Keys.ToList())
        {
            shares[id] /= total;
        }

        notes.Add($"residentSpendShare: observed for {Join(observed.Keys)}" +
            (rest.Count == 0 ? "" : $"; the remaining {unassigned:0.####} (suppressed or unobserved) shared among {Join(rest)} in the base's proportions"));
        return shares;
    }

    /// <summary>
    /// The ledger sees t = points a sector sent to merchants / (sent + redeemed). In the model a sector
    /// transfers pointsLocalRespendShare × respendInPointsShare of its point receipts and redeems the rest, so
    /// respendInPointsShare = t / pointsLocalRespendShare (at most 1), with pointsLocalRespendShare from the base.
    /// </summary>
    private static double RespendInPoints(CirculationReport report, Sector sector, List<string> notes)
    {
        var row = report.Sectors.FirstOrDefault(r => !r.Suppressed && r.Id == sector.Id);
        // Before the first settlement nothing is redeemed and every disposal looks like a transfer,
        // which would claim 100 % re-spend in points; without redemptions the share says nothing.
        var why = row is null ? "sector not shown"
            : row.Redeemed <= 0 ? "no redemptions observed in the period, e.g. no settlement yet"
            : sector.PointsLocalRespend <= 0 ? "base pointsLocalRespendShare is 0"
            : null;
        if (why is not null || row?.RespendShare is not { } transferred)
        {
            notes.Add($"{sector.Id}.respendInPointsShare: kept from the base ({why ?? "nothing passed on"})");
            return sector.RespendInPointsShare;
        }

        // Transfers are pointsLocalRespendShare × respendInPointsShare of point receipts (= localRespendShare when not given).
        var share = Math.Min(1, transferred / sector.PointsLocalRespend);
        notes.Add($"{sector.Id}.respendInPointsShare: {share:0.####} = observed transfer share {transferred:0.####} " +
            $"/ base pointsLocalRespendShare {sector.PointsLocalRespend:0.####}");
        return share;
    }

    private static double TransferFeeRate(CirculationTotals totals, Scenario based, List<string> notes)
    {
        var gross = totals.MerchantTransferred + totals.MerchantTransferFees;
        if (gross <= 0)
        {
            notes.Add("merchantTransferFeeRate: kept from the base (no merchant-to-merchant transfers)");
            return based.MerchantTransferFeeRate;
        }

        var rate = (double)totals.MerchantTransferFees / gross;
        notes.Add($"merchantTransferFeeRate: observed {rate:0.####} (fees / points sent)");
        return rate;
    }

    private static double Breakage(CirculationReport report, Scenario based, List<string> notes)
    {
        // Before the first expiry day the ledger has seen no breakage yet, which is not the same as none.
        var observed = report.Indicators.BreakageShare;
        if (report.Totals.Expired <= 0 || observed is not (>= 0 and < 1))
        {
            notes.Add("breakageShare: kept from the base (no expiry in the period)");
            return based.BreakageShare;
        }

        notes.Add($"breakageShare: observed {observed:0.####} (expired / (spent + expired))");
        return observed.Value;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> ids) => string.Join(", ", ids);
}
