using Tsuyama.LocalCurrency.Simulation.Results;

namespace Tsuyama.LocalCurrency.Simulation.ExpectedFlow;

/// <summary>
/// Solves the scenario exactly as an absorbing Markov chain: sectors are transient states,
/// leaving the region is absorption, N = (I − Q)⁻¹ gives the turnover over all rounds.
/// </summary>
public static class ExpectedFlowEngine
{
    /// <summary>Rounds stop when one is below this share of R1 ...</summary>
    public const double NegligibleRoundShare = 1e-9;

    /// <summary>... or after this many rounds (the multiplier is exact regardless; rounds are for display).</summary>
    public const int MaxRounds = 200;

    public static ExpectedFlowResult Solve(FlowModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var n = model.SectorCount;
        var sectors = model.Scenario.Sectors;
        var injection = model.InjectionBySector();
        var states = model.InjectionByState();
        var q = model.Transition;
        var r1 = model.R1;

        // Turnover per state, row vector t = v·N, i.e. (I − Q)ᵀ·t = v; a sector's turnover sums its two forms.
        var stateTurnover = new LinearSolver(LinearSolver.IdentityMinus(q, transpose: true)).Solve(states);
        var turnover = Enumerable.Range(0, n).Select(i => stateTurnover[i] + stateTurnover[n + i]).ToArray();
        var total = turnover.Sum();

        // Turnover from one yen entering state i over all rounds: y = N·1, i.e. (I − Q)·y = 1.
        var perYen = new LinearSolver(LinearSolver.IdentityMinus(q)).Solve(Enumerable.Repeat(1.0, 2 * n).ToArray());

        // Receipts while still a point: h = (I − Qp)⁻¹·1, weighted by where residents spend.
        var pointReceipts = new LinearSolver(LinearSolver.IdentityMinus(model.PointsTransition)).Solve(Enumerable.Repeat(1.0, n).ToArray());
        var handovers = r1 > 0 ? injection.Select((v, i) => v * pointReceipts[i]).Sum() / r1 : 0;

        var rounds = Rounds(q, states, r1);
        var lm3 = r1 > 0 ? rounds.Take(3).Sum() / r1 : 0;
        var multiplier = r1 > 0 ? total / r1 : 0;

        var sectorResults = new SectorResult[n];
        for (var i = 0; i < n; i++)
        {
            sectorResults[i] = new SectorResult
            {
                Id = sectors[i].Id,
                Name = sectors[i].Name,
                TurnoverYen = Yen(turnover[i]),
                // A shop is paid in points by a resident, so the ¥10,000 starts in the sector's points state.
                PerTenThousandYen = Yen(10_000 * (perYen[i] - 1)),
            };
        }

        var flows = new List<SectorFlow>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var yen = 0.0;
                foreach (var from in (ReadOnlySpan<int>)[i, n + i])
                {
                    yen += stateTurnover[from] * (q[from, j] + q[from, n + j]);
                }

                if (yen > 0)
                {
                    flows.Add(new SectorFlow { From = sectors[i].Id, To = sectors[j].Id, Yen = Yen(yen) });
                }
            }
        }

        return new ExpectedFlowResult
        {
            R1Yen = Yen(r1),
            Rounds = TrimTrailingZeros(rounds.Select(Yen).ToList()),
            Lm3 = lm3,
            Multiplier = multiplier,
            TotalLocalTurnoverYen = Yen(total),
            InducedConsumptionYen = Yen(model.Scenario.NetNewConsumptionShare * r1),
            HandoversPerPoint = handovers,
            Sectors = sectorResults,
            Flows = flows,
        };
    }

    private static List<double> Rounds(double[,] q, double[] injection, double r1)
    {
        var n = injection.Length;
        var rounds = new List<double>();
        var current = (double[])injection.Clone();
        for (var round = 0; round < MaxRounds; round++)
        {
            var sum = current.Sum();
            if (round > 0 && sum < NegligibleRoundShare * r1)
            {
                break;
            }

            rounds.Add(sum);
            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    next[j] += current[i] * q[i, j];
                }
            }

            current = next;
        }

        return rounds;
    }

    private static List<long> TrimTrailingZeros(List<long> rounds)
    {
        var count = rounds.Count;
        while (count > 1 && rounds[count - 1] == 0)
        {
            count--;
        }

        return rounds.GetRange(0, count);
    }

    internal static long Yen(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);
}
