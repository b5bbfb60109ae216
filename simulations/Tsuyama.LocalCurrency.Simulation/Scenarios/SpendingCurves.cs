namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>When residents spend their points, used when a scenario gives no <c>monteCarlo.spendingCurve</c>.</summary>
/// <remarks>
/// No published survey of *when* premium-voucher holders spend was found to cite. What was found is one town's
/// redemption figures over time, reported by its local paper (東海新報, Ōfunato, Iwate): the 2024 premium vouchers
/// (40 % premium) went on sale on 27 March and were valid until 1 September (158 days); by early May, 35–44 days
/// (22–28 % of the period) in, shops had redeemed 62 % of the first sale's vouchers [東海新報 2024-05-19], and by the
/// end of June 73.35 % of everything sold, including a second sale in May–June [東海新報 2024-07-09]. Shops redeem
/// after customers pay, so spending ran ahead of these figures. The default below is an assumption shaped to that one
/// observation (about 62 % spent by 23 % of the period), not a curve fitted to survey data; a free handout in the
/// same town was spent more slowly (68 % redeemed by about 80 % of its period) [東海新報 2020-12-26]. Replace it
/// with the ledger's daily payments once the digital voucher runs.
/// </remarks>
public static class SpendingCurves
{
    /// <summary>Weights over six equal parts of the validity period: 55 % in the first sixth, about 62 % by 23 % of it.</summary>
    public static IReadOnlyList<double> Default { get; } = [55, 17, 10, 7, 6, 5];

    public const string DefaultSource =
        "assumption shaped to one observation: 東海新報「加盟店換金額5600万円超に プレミアム付商品券の消費利用進む」2024年5月19日 " +
        "(大船渡市, 62 % of the first sale redeemed 35–44 of 158 days in); not a survey-fitted curve";
}
