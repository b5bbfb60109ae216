using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.CostBenefit;

/// <summary>
/// The city's view, as the Cabinet Office's 2017 evaluation of the 2015 premium vouchers computed it:
/// induced consumption = voucher use × induced share; net effect = induced consumption − premium − administration.
/// </summary>
public static class CostBenefitCalculator
{
    public static CostBenefitResult Compute(Scenario scenario, ExpectedFlowResult expected)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(expected);
        var injection = scenario.Injection;
        var issuedYen = (double)scenario.IssuedPoints;
        var soldYen = injection.UnitsSold * (double)injection.UnitPriceYen;

        // The budgeted premium: points issued above the yen residents paid. Breakage would lower what is
        // actually paid out; the budget is what the council approves, so it is not deducted.
        var premium = Math.Max(0, issuedYen - soldYen);
        var inputs = scenario.CostBenefit;
        var admin = inputs.AdminYen ?? (inputs.AdminShareOfIssued ?? 0) * issuedYen;
        var induced = scenario.NetNewConsumptionShare * expected.R1Yen;
        var cost = premium + admin;
        return new CostBenefitResult
        {
            PremiumYen = ExpectedFlowEngine.Yen(premium),
            AdminYen = ExpectedFlowEngine.Yen(admin),
            InducedConsumptionYen = ExpectedFlowEngine.Yen(induced),
            InducedTurnoverYen = ExpectedFlowEngine.Yen(induced * expected.Multiplier),
            NetEffectYen = ExpectedFlowEngine.Yen(induced - cost),
            BenefitCostRatio = cost > 0 ? induced / cost : null,
            BudgetYen = ExpectedFlowEngine.Yen(cost),
            CashHandoutConsumptionShare = inputs.CashHandoutConsumptionShare,
            CashHandoutConsumptionYen = inputs.CashHandoutConsumptionShare is { } share ? ExpectedFlowEngine.Yen(share * cost) : null,
            AdminGiven = inputs.AdminYen is not null || inputs.AdminShareOfIssued is not null,
        };
    }
}
