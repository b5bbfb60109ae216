using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;

namespace Tsuyama.LocalCurrency.Features.Programs;

/// <summary>Where a program stands on a JST day.</summary>
public enum ProgramStatus
{
    /// <summary>Sales have not opened yet; its terms may still change.</summary>
    Scheduled = 0,
    OnSale = 1,

    /// <summary>No more sales; the points are still valid.</summary>
    SalesEnded = 2,

    /// <summary>Past the points' last valid day.</summary>
    Expired = 3,
}

/// <summary>
/// The terms of a program (price, points, units, dates, fees), checked the same way when it is
/// created and when it is edited, and the rules for changing them once it exists.
/// </summary>
internal static class ProgramTerms
{
    public static void Validate(ValidationErrors e, string? name, long unitPriceYen, PointsPerUnit? pointsPerUnit, int totalUnits, int maxUnitsPerResident,
        DateOnly salesFrom, DateOnly salesUntil, DateOnly expiresOn, int redemptionFeeBasisPoints, int merchantTransferFeeBasisPoints,
        int? refundWindowDays, int refundGraceDays)
    {
        e.NotBlank(name, "name", 100);
        e.Positive(unitPriceYen, "unitPriceYen", 1_000_000);
        if (pointsPerUnit is null)
        {
            e.Add("pointsPerUnit", "is required");
        }
        else
        {
            e.Require(pointsPerUnit.General >= 0 && pointsPerUnit.SmallBusiness >= 0, "pointsPerUnit", "must not be negative");
            e.Require(pointsPerUnit.General + pointsPerUnit.SmallBusiness is > 0 and <= 10_000_000, "pointsPerUnit",
                "must issue between 1 and 10,000,000 points per unit");
        }

        e.Positive(totalUnits, "totalUnits", 100_000_000);
        e.Require(maxUnitsPerResident > 0 && maxUnitsPerResident <= totalUnits, "maxUnitsPerResident", "must be from 1 to totalUnits");
        // A missing date binds as 0001-01-01; no program of this city predates the year 2000.
        e.LedgerDay(salesFrom, "salesFrom").LedgerDay(salesUntil, "salesUntil").LedgerDay(expiresOn, "expiresOn");
        e.Require(salesFrom <= salesUntil, "salesUntil", "must not be before salesFrom");
        e.Require(salesUntil <= expiresOn, "expiresOn", "must not be before salesUntil");
        e.Require(BasisPoints.IsRate(redemptionFeeBasisPoints), "redemptionFeeBasisPoints", "must be from 0 to 10000");
        e.Require(BasisPoints.IsRate(merchantTransferFeeBasisPoints), "merchantTransferFeeBasisPoints", "must be from 0 to 10000");
        e.Require(refundWindowDays is null or (>= 0 and <= 366), "refundWindowDays", "must be from 0 (the payment day only) to 366, or absent for no limit");
        e.Require(refundGraceDays is >= 0 and <= 366, "refundGraceDays", "must be from 0 (refuse refunds of expired points) to 366");
    }

    public static ProgramStatus StatusOn(VoucherProgram p, DateOnly today) =>
        today < p.SalesFrom ? ProgramStatus.Scheduled
        : today <= p.SalesUntil ? ProgramStatus.OnSale
        : today <= p.ExpiresOn ? ProgramStatus.SalesEnded
        : ProgramStatus.Expired;

    /// <summary>
    /// Terms may change only while nothing can depend on them: sales not open, no unit sold, nobody
    /// applied (applications may open before the first sales day).
    /// </summary>
    public static Error? EditRefusal(VoucherProgram p, DateOnly today, bool anyApplication) =>
        StatusOn(p, today) != ProgramStatus.Scheduled || p.UnitsSold > 0
            ? Error.Rule(ProblemTypes.SalesAlreadyOpen, "販売開始後は変更できません / Sales already open",
                $"Program '{p.Code}' opened its sales on {p.SalesFrom:yyyy-MM-dd}; its terms can no longer change.")
            : anyApplication
                ? Error.Rule(ProblemTypes.SalesAlreadyOpen, "申込みがあるため変更できません / Applications received",
                    $"Residents have applied to '{p.Code}'; its terms can no longer change.")
                : null;

    /// <summary>Sales can be closed early only while on sale and before the last sales day; today becomes the last one.</summary>
    public static Error? CloseRefusal(VoucherProgram p, DateOnly today) =>
        StatusOn(p, today) != ProgramStatus.OnSale || p.SalesUntil <= today
            ? Error.Rule(ProblemTypes.SalesClosed, "販売中ではありません / Not on sale",
                $"Program '{p.Code}' is on sale from {p.SalesFrom:yyyy-MM-dd} to {p.SalesUntil:yyyy-MM-dd}; "
                + "only a program on sale before its last day can close early.")
            : null;
}
