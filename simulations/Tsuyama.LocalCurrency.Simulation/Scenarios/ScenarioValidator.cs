using System.Globalization;
using Tsuyama.LocalCurrency.Simulation.InputOutput;
using Tsuyama.LocalCurrency.Simulation.Uncertainty;

namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>Checks a scenario document and reports every problem, not just the first; one file per section of the document.</summary>
internal static partial class ScenarioValidator
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
}
