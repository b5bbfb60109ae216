namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>The cost-benefit section.</summary>
internal static partial class ScenarioValidator
{
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
}
