using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.Results;

namespace Tsuyama.LocalCurrency.Simulation.InputOutput;

/// <summary>
/// Ripple effects the way Japanese prefectures compute them (経済波及効果, to the second round):
/// direct effect = final demand × self-sufficiency; first-round indirect = inverse × direct − direct;
/// employee income of both × propensity to consume × consumption pattern × self-sufficiency → inverse
/// gives the second round.
/// </summary>
public static class IoAnalysis
{
    /// <summary>Final demand per table sector: the program's induced consumption (R1 × netNewConsumptionShare) by where residents spend it.</summary>
    public static double[] FinalDemand(FlowModel model, IoTable table, IReadOnlyDictionary<string, string> sectorMap)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sectorMap);
        var demand = new double[table.Sectors.Count];
        var injection = model.InjectionBySector();
        for (var i = 0; i < injection.Length; i++)
        {
            demand[table.Index[sectorMap[model.Scenario.Sectors[i].Id]]] += injection[i] * model.Scenario.NetNewConsumptionShare;
        }

        return demand;
    }

    public static IoEffectsResult Compute(IoTable table, double[] finalDemand)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(finalDemand);
        var sectors = table.Sectors;
        var n = sectors.Count;
        var direct = new double[n];
        for (var i = 0; i < n; i++)
        {
            direct[i] = finalDemand[i] * sectors[i].SelfSufficiency;
        }

        var firstTotal = Multiply(table.Inverse, direct);
        var first = firstTotal.Select((x, i) => x - direct[i]).ToArray();

        var income = Enumerable.Range(0, n).Sum(i => firstTotal[i] * sectors[i].EmployeeIncomeRatio);
        var consumption = income * table.AveragePropensityToConsume;
        var localConsumption = sectors.Select(s => consumption * s.HouseholdConsumptionShare * s.SelfSufficiency).ToArray();
        var second = Multiply(table.Inverse, localConsumption);

        var total = Enumerable.Range(0, n).Select(i => direct[i] + first[i] + second[i]).ToArray();
        var totalEffect = Measure(table, total);
        var demandYen = finalDemand.Sum();
        return new IoEffectsResult
        {
            Table = table.Name,
            Source = table.Source,
            Illustrative = table.Illustrative,
            FinalDemandYen = ExpectedFlowEngine.Yen(demandYen),
            Direct = Measure(table, direct),
            FirstIndirect = Measure(table, first),
            SecondIndirect = Measure(table, second),
            Total = totalEffect,
            ProductionRippleRatio = demandYen > 0 ? total.Sum() / demandYen : 0,
        };
    }

    private static IoEffect Measure(IoTable table, double[] production)
    {
        var sectors = table.Sectors;
        double valueAdded = 0, income = 0, workers = 0;
        for (var i = 0; i < production.Length; i++)
        {
            valueAdded += production[i] * sectors[i].ValueAddedRatio;
            income += production[i] * sectors[i].EmployeeIncomeRatio;
            workers += production[i] / 1_000_000 * sectors[i].WorkersPerMillionYen;
        }

        return new IoEffect
        {
            Production = ExpectedFlowEngine.Yen(production.Sum()),
            ValueAdded = ExpectedFlowEngine.Yen(valueAdded),
            EmployeeIncome = ExpectedFlowEngine.Yen(income),
            Workers = workers,
        };
    }

    private static double[] Multiply(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i] += matrix[i, j] * vector[j];
            }
        }

        return result;
    }
}
