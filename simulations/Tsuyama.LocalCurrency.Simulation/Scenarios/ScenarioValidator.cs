using Tsuyama.LocalCurrency.Simulation.Uncertainty;
using Tsuyama.LocalCurrency.Simulation.InputOutput;
using System.Globalization;

namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>Checks a scenario document and reports every problem, not just the first.</summary>
internal static class ScenarioValidator
{
    public const double ShareSumTolerance = 1e-6;

    public static Scenario Validate(ScenarioDocument doc, string? baseDirectory = null)
    {
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(doc.Name))
        {
            errors.Add("name is required");
        }

        var injection = ValidateInjection(doc.Injection, errors);
        var netNew = Share(doc.NetNewConsumptionShare, "netNewConsumptionShare", errors);
        var expiryDays = Positive(doc.ExpiryDays, "expiryDays", errors);
        var redemptionFee = Fee(doc.RedemptionFeeRate, "redemptionFeeRate", errors);
        var transferFee = Fee(doc.MerchantTransferFeeRate, "merchantTransferFeeRate", errors);
        var breakage = doc.BreakageShare is null ? 0 : Fee(doc.BreakageShare, "breakageShare", errors);
        var additionality = doc.SmallBusinessAdditionality is null ? 0 : Share(doc.SmallBusinessAdditionality, "smallBusinessAdditionality", errors);
        if (doc.Residents is { } residents && (residents < 1 || (injection is not null && residents > injection.UnitsSold)))
        {
            errors.Add($"residents must be between 1 and injection.unitsSold (got {residents})");
        }

        DateOnly? startDate = null;
        if (doc.StartDate is { } start)
        {
            if (DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                startDate = day;
            }
            else
            {
                errors.Add($"startDate must be a date like 2026-04-01 (got '{start}')");
            }
        }

        var costBenefit = ValidateCostBenefit(doc.CostBenefit, errors);
        var sectors = SectorValidator.Validate(doc.Sectors, errors);
        var monteCarlo = ValidateMonteCarlo(doc.MonteCarlo, errors);

        if (injection is not null && sectors is not null)
        {
            CheckSmallBusinessPointsCanLand(injection, sectors, errors);
        }

        var (inputOutput, ioTable) = ValidateInputOutput(doc.InputOutput, sectors, baseDirectory, errors);

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var scenario = new Scenario
        {
            Name = doc.Name!,
            Injection = injection!,
            NetNewConsumptionShare = netNew,
            ExpiryDays = expiryDays,
            RedemptionFeeRate = redemptionFee,
            MerchantTransferFeeRate = transferFee,
            BreakageShare = breakage,
            Residents = doc.Residents,
            StartDate = startDate,
            SmallBusinessAdditionality = additionality,
            CostBenefit = costBenefit,
            InputOutput = inputOutput,
            IoTable = ioTable,
            Sectors = sectors!,
            MonteCarlo = monteCarlo!,
        };

        // Needs the fees and the sectors together, so it runs on the assembled scenario.
        var trapped = FlowModel.SectorsThatNeverLeak(scenario);
        if (trapped.Count > 0)
        {
            throw new ScenarioValidationException(
            [
                $"money entering {string.Join(", ", trapped)} never leaves the region (every re-spend stays local), " +
                "so turnover would be infinite; give some sector on that loop a localRespendShare below 1",
            ]);
        }

        return ValidateUncertainty(doc.Uncertainty, scenario);
    }

    // Ranges name inputs of the assembled scenario, so they are checked last, against it.
    private static Scenario ValidateUncertainty(UncertaintyDocument? doc, Scenario scenario)
    {
        if (doc is null)
        {
            return scenario;
        }

        var errors = new List<string>();
        if (doc.Draws is < 1)
        {
            errors.Add(Describe("uncertainty.draws", doc.Draws, "must be a positive whole number"));
        }

        var ranges = new List<InputRange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (range, i) in (doc.Ranges ?? []).Select((r, i) => (r, i)))
        {
            var path = $"uncertainty.ranges[{i}]";
            if (range?.Parameter is not { Length: > 0 } name)
            {
                errors.Add($"{path}.parameter is required");
                continue;
            }

            var parameter = ScenarioParameter.Parse(name, scenario, out var error);
            if (parameter is null)
            {
                errors.Add($"{path}.parameter: {error}");
                continue;
            }

            if (!seen.Add(name))
            {
                errors.Add($"{path}: \"{name}\" has more than one range");
            }

            if (range.Low is not { } low || range.High is not { } high || !double.IsFinite(low) || !double.IsFinite(high))
            {
                errors.Add($"{path} ({name}): low and high are required numbers");
                continue;
            }

            var likely = range.Likely ?? parameter.Get(scenario);
            var (min, max) = parameter.IsShift ? (-1.0, 1.0) : (parameter.Min, parameter.Max);
            if (low < min || high > max)
            {
                errors.Add($"{path} ({name}): low and high must lie within {ScenarioParameter.Format(min)}…{ScenarioParameter.Format(max)}");
            }

            if (!(low <= likely && likely <= high))
            {
                errors.Add($"{path} ({name}): needs low ≤ likely ≤ high (got {ScenarioParameter.Format(low)}, {ScenarioParameter.Format(likely)}, " +
                    $"{ScenarioParameter.Format(high)}{(range.Likely is null ? "; likely is the scenario's own value" : string.Empty)})");
            }

            ranges.Add(new InputRange { Parameter = name, Low = low, Likely = range.Likely, High = high, Source = range.Source });
        }

        if (ranges.Count == 0 && errors.Count == 0)
        {
            errors.Add("uncertainty.ranges must list at least one range");
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var result = scenario with { Uncertainty = new UncertaintySettings { Draws = doc.Draws ?? 2_000, Seed = doc.Seed ?? 0, Ranges = ranges } };

        // Every draw must be a scenario the engines can solve: check the corners where re-spend is highest and lowest.
        var resolved = ParameterUncertainty.Resolve(result);
        var allHigh = resolved.Aggregate(result, (s, r) => r.Parameter.Apply(s, r.High));
        var allLow = resolved.Aggregate(result, (s, r) => r.Parameter.Apply(s, r.Low));
        foreach (var corner in new[] { allHigh, allLow })
        {
            var trapped = FlowModel.SectorsThatNeverLeak(corner);
            if (trapped.Count > 0)
            {
                throw new ScenarioValidationException(
                [
                    $"uncertainty.ranges: at the ends of the ranges money entering {string.Join(", ", trapped)} never leaves the region; " +
                    "narrow the re-spend ranges",
                ]);
            }
        }

        return result;
    }

    private static (InputOutputSettings?, IoTable?) ValidateInputOutput(
        InputOutputDocument? doc, IReadOnlyList<Sector>? sectors, string? baseDirectory, List<string> errors)
    {
        if (doc is null)
        {
            return (null, null);
        }

        IoTable? table = null;
        if (string.IsNullOrWhiteSpace(doc.Table))
        {
            errors.Add($"inputOutput.table is required: a built-in table ({string.Join(", ", IoTable.BuiltinNames)}) or a directory");
        }
        else
        {
            try
            {
                table = IoTable.Builtin(doc.Table) ?? (baseDirectory is null ? null : IoTable.Load(Path.Combine(baseDirectory, doc.Table)));
                if (table is null)
                {
                    errors.Add($"inputOutput.table \"{doc.Table}\" is not a built-in table ({string.Join(", ", IoTable.BuiltinNames)}); " +
                        "a table directory can be named only in a scenario file given to the CLI");
                }
            }
            catch (IoTableException ex)
            {
                errors.AddRange(ex.Errors.Select(e => "inputOutput.table: " + e));
            }
        }

        var map = doc.SectorMap ?? [];
        if (table is not null && sectors is not null)
        {
            foreach (var sector in sectors.Where(s => !map.ContainsKey(s.Id)))
            {
                errors.Add($"inputOutput.sectorMap has no table sector for \"{sector.Id}\"");
            }

            foreach (var (id, code) in map)
            {
                if (!sectors.Any(s => s.Id == id))
                {
                    errors.Add($"inputOutput.sectorMap names unknown sector id \"{id}\"");
                }

                if (!table.Index.ContainsKey(code))
                {
                    errors.Add($"inputOutput.sectorMap[\"{id}\"]: table {table.Name} has no sector code \"{code}\"");
                }
            }
        }

        return (doc.Table is null ? null : new InputOutputSettings { Table = doc.Table, SectorMap = map }, table);
    }

    private static CostBenefitInputs ValidateCostBenefit(CostBenefitDocument? doc, List<string> errors)
    {
        if (doc is null)
        {
            return new CostBenefitInputs();
        }

        if (doc.AdminYen is < 0)
        {
            errors.Add(Describe("costBenefit.adminYen", doc.AdminYen, "must be zero or more"));
        }

        if (doc.AdminYen is not null && doc.AdminShareOfIssued is not null)
        {
            errors.Add("costBenefit: give adminYen or adminShareOfIssued, not both");
        }

        double? adminShare = doc.AdminShareOfIssued is null ? null : Share(doc.AdminShareOfIssued, "costBenefit.adminShareOfIssued", errors);
        double? cashShare = doc.CashHandoutConsumptionShare is null
            ? null
            : Share(doc.CashHandoutConsumptionShare, "costBenefit.cashHandoutConsumptionShare", errors);
        return new CostBenefitInputs { AdminYen = doc.AdminYen, AdminShareOfIssued = adminShare, CashHandoutConsumptionShare = cashShare };
    }

    private static Injection? ValidateInjection(InjectionDocument? doc, List<string> errors)
    {
        if (doc is null)
        {
            errors.Add("injection is required");
            return null;
        }

        var before = errors.Count;
        if (doc.UnitsSold is not > 0)
        {
            errors.Add(Describe("injection.unitsSold", doc.UnitsSold, "must be a positive number"));
        }

        if (doc.UnitPriceYen is not >= 0)
        {
            errors.Add(Describe("injection.unitPriceYen", doc.UnitPriceYen, "must be zero or more"));
        }

        var points = doc.PointsPerUnit;
        if (points is null)
        {
            errors.Add("injection.pointsPerUnit is required");
        }
        else
        {
            if (points.General is not >= 0)
            {
                errors.Add(Describe("injection.pointsPerUnit.general", points.General, "must be zero or more"));
            }

            if (points.SmallBusiness is not >= 0)
            {
                errors.Add(Describe("injection.pointsPerUnit.smallBusiness", points.SmallBusiness, "must be zero or more"));
            }

            if (points.General == 0 && points.SmallBusiness == 0)
            {
                errors.Add("injection.pointsPerUnit must issue some points (general + smallBusiness > 0)");
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Injection
        {
            UnitsSold = doc.UnitsSold!.Value,
            UnitPriceYen = doc.UnitPriceYen!.Value,
            PointsPerUnit = new PointsPerUnit { General = points!.General!.Value, SmallBusiness = points.SmallBusiness!.Value },
        };
    }

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

    private static void CheckSmallBusinessPointsCanLand(Injection injection, IReadOnlyList<Sector> sectors, List<string> errors)
    {
        if (injection.PointsPerUnit.SmallBusiness == 0)
        {
            return;
        }

        var small = sectors.Where(s => s.Size == SectorSize.Small).ToList();
        if (small.Count == 0)
        {
            errors.Add("injection.pointsPerUnit.smallBusiness is above 0 but no sector has size \"small\" where those points could be spent");
        }
        else if (small.Sum(s => s.ResidentSpendShare) <= 0)
        {
            errors.Add("injection.pointsPerUnit.smallBusiness is above 0 but every small sector has residentSpendShare 0");
        }
    }

    internal static double Share(double? value, string path, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{path} is required");
            return 0;
        }

        if (!double.IsFinite(value.Value) || value < 0 || value > 1)
        {
            errors.Add(Describe(path, value, "must be a share between 0 and 1"));
        }

        return value.Value;
    }

    // Fees and breakage of 100 % would leave nothing to circulate; they are shares strictly below 1.
    private static double Fee(double? value, string path, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{path} is required");
            return 0;
        }

        if (!double.IsFinite(value.Value) || value < 0 || value >= 1)
        {
            errors.Add(Describe(path, value, "must be at least 0 and below 1"));
        }

        return value.Value;
    }

    internal static int Positive(int? value, string path, List<string> errors)
    {
        if (value is not > 0)
        {
            errors.Add(value is null ? $"{path} is required" : Describe(path, value, "must be a positive whole number"));
            return 0;
        }

        return value.Value;
    }

    internal static string Describe<T>(string path, T? value, string rule)
        where T : struct, IFormattable =>
        value is null ? $"{path} is required" : $"{path} {rule} (got {value.Value.ToString(null, CultureInfo.InvariantCulture)})";
}
