namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>The Monte Carlo section.</summary>
internal static partial class ScenarioValidator
{
    private static MonteCarloSettings? ValidateMonteCarlo(MonteCarloDocument? doc, List<string> errors)
    {
        if (doc is null)
        {
            errors.Add("monteCarlo is required");
            return null;
        }

        var defaults = new MonteCarloSettings { Runs = 1, Seed = 0 };
        var runs = Positive(doc.Runs, "monteCarlo.runs", errors);
        if (doc.Seed is null)
        {
            errors.Add("monteCarlo.seed is required");
        }

        var min = doc.MinPurchaseYen ?? defaults.MinPurchaseYen;
        var max = doc.MaxPurchaseYen ?? defaults.MaxPurchaseYen;
        if (min < 1 || max < min)
        {
            errors.Add($"monteCarlo.minPurchaseYen ({min}) must be at least 1 and not above monteCarlo.maxPurchaseYen ({max})");
        }

        var delay = doc.MaxRespendDelayDays ?? defaults.MaxRespendDelayDays;
        if (delay < 1)
        {
            errors.Add($"monteCarlo.maxRespendDelayDays must be at least 1 (got {delay})");
        }

        var curve = doc.SpendingCurve;
        if (curve is not null && (curve.Count == 0 || curve.Any(w => !double.IsFinite(w) || w < 0) || curve.Sum() <= 0))
        {
            errors.Add("monteCarlo.spendingCurve must list weights of 0 or more with a positive sum, one per equal part of the validity period");
        }

        var cutoffEvery = doc.SettlementCutoffEveryDays ?? defaults.SettlementCutoffEveryDays;
        if (cutoffEvery < 0)
        {
            errors.Add($"monteCarlo.settlementCutoffEveryDays must be 0 (redeem at once) or a number of days (got {cutoffEvery})");
        }

        return new MonteCarloSettings
        {
            SpendingCurve = curve,
            SettlementCutoffEveryDays = cutoffEvery,
            Runs = runs,
            Seed = doc.Seed ?? 0,
            MinPurchaseYen = min,
            MaxPurchaseYen = max,
            MaxRespendDelayDays = delay,
        };
    }
}
