namespace Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;

/// <summary>
/// Circulation of points over JST days <see cref="From"/>…<see cref="To"/> (inclusive), aggregated
/// so that no figure describes fewer than <see cref="CirculationPrivacy.MinimumMerchants"/> merchants
/// and nothing names a resident or a merchant. Amounts are points.
/// </summary>
public sealed record CirculationReport(
    DateOnly From,
    DateOnly To,
    int Days,
    CirculationTotals Totals,
    CirculationIndicators Indicators,
    IReadOnlyList<SectorCirculation> Sectors,
    SectorFlows Flows,
    CirculationPrivacy Privacy);

/// <param name="SpentByResidents">Payments − refunds.</param>
/// <param name="MerchantTransferred">Points merchants received from other merchants (after the transfer fee).</param>
/// <param name="MerchantTransferFees">Transfer fees, returned to the issuer (retired).</param>
/// <param name="OutstandingAtEnd">Points held by residents and merchants at the end of <c>To</c>.</param>
public sealed record CirculationTotals(
    long Issued,
    long ResidentPayments,
    long Refunds,
    long SpentByResidents,
    long MerchantTransferred,
    long MerchantTransferFees,
    long Redeemed,
    long Expired,
    long OutstandingAtStart,
    long OutstandingAtEnd,
    int ActiveMerchants);

/// <param name="HandoversPerPoint">(SpentByResidents + MerchantTransferred) / SpentByResidents; null without resident spending.</param>
/// <param name="Velocity">(SpentByResidents + MerchantTransferred) / AverageOutstanding
/// over the period (not annualised); null when nothing was outstanding.</param>
/// <param name="AverageOutstanding">Mean, over the period's JST days up to today, of the points outstanding at the end of each day.</param>
/// <param name="BreakageShare">Expired / (SpentByResidents + Expired): of the points that left residents' wallets for good,
/// the share lost to expiry; null if none left.</param>
/// <param name="RespendShare">Of the points merchants disposed of (sent to merchants incl. fees, or redeemed), the share sent on in points.</param>
/// <param name="RedemptionShare">1 − RespendShare; both null when merchants disposed of nothing.</param>
public sealed record CirculationIndicators(
    double? HandoversPerPoint,
    double? Velocity,
    double AverageOutstanding,
    double? BreakageShare,
    double? RespendShare,
    double? RedemptionShare);

/// <summary>
/// One sector (see <see cref="MerchantSectors"/>), or the bucket <see cref="CirculationPrivacy.SuppressedId"/>
/// that holds every sector too small to show; the rows add up to the totals.
/// </summary>
/// <param name="Sectors">Number of sectors folded into this row (1 for a real sector).</param>
/// <param name="Merchants">Distinct merchants with any activity in the period.</param>
/// <param name="RespentInPoints">Sent to other merchants, including transfer fees.</param>
public sealed record SectorCirculation(
    string Id,
    bool Suppressed,
    int Sectors,
    int Merchants,
    long ResidentSpend,
    double? ResidentSpendShare,
    long ReceivedFromMerchants,
    long RespentInPoints,
    long Redeemed,
    double? RespendShare,
    double? RedemptionShare);

/// <summary>Merchant-to-merchant transfers by sector pair; hidden cells are summed in <see cref="SuppressedPoints"/>.</summary>
public sealed record SectorFlows(IReadOnlyList<SectorFlow> Cells, long SuppressedPoints, int SuppressedCells);

public sealed record SectorFlow(string From, string To, long Points, int Senders, int Receivers);

/// <summary>The rule applied, stated with the report so a reader knows what is hidden and why.</summary>
public sealed record CirculationPrivacy(int MinimumMerchants, string Rule)
{
    public const string SuppressedId = "other-suppressed";
}
