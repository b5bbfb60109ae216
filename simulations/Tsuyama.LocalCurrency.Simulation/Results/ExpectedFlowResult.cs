namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>The expected-flow (absorbing Markov chain) answer; field names are the DESIGN §7 contract.</summary>
public sealed record ExpectedFlowResult
{
    /// <summary>Round 1: the residents' voucher spending (issued points less breakage), yen.</summary>
    public required long R1Yen { get; init; }

    /// <summary>Local turnover per round, yen: R1, R2, R3, … until a round is negligible.</summary>
    public required IReadOnlyList<long> Rounds { get; init; }

    public required double Lm3 { get; init; }

    public required double Multiplier { get; init; }

    public required long TotalLocalTurnoverYen { get; init; }

    /// <summary>
    /// netNewConsumptionShare × R1: the residents' spending that would not have happened without the program.
    /// The local turnover it sets off over all rounds is costBenefit.inducedTurnoverYen.
    /// </summary>
    public required long InducedConsumptionYen { get; init; }

    /// <summary>Expected hand-overs of a spent point while it stays a point (the resident's payment counts as the first).</summary>
    public required double HandoversPerPoint { get; init; }

    public required IReadOnlyList<SectorResult> Sectors { get; init; }

    /// <summary>Extra: expected yen paid from one sector to another over all rounds (re-spend only).</summary>
    public required IReadOnlyList<SectorFlow> Flows { get; init; }
}

public sealed record SectorResult
{
    public required string Id { get; init; }

    /// <summary>Extra: the sector's display name.</summary>
    public required string Name { get; init; }

    public required long TurnoverYen { get; init; }

    /// <summary>Of ¥10,000 spent at a shop of this sector, the yen that later reach local businesses (first receipt excluded).</summary>
    public required long PerTenThousandYen { get; init; }
}

public sealed record SectorFlow
{
    public required string From { get; init; }

    public required string To { get; init; }

    public required long Yen { get; init; }
}
