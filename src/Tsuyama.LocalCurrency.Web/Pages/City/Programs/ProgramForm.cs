using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Programs.EditProgram;
using Tsuyama.LocalCurrency.Features.Programs.GetProgram;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Programs;

/// <summary>
/// The program form's inputs. Fees are typed as percentages (1.5) and sent as basis points (150); an
/// empty box is sent as zero or "no date" so the use case's own validation names the field.
/// </summary>
public sealed class ProgramForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public long? UnitPriceYen { get; set; }
    public long? GeneralPoints { get; set; }
    public long? SmallBusinessPoints { get; set; }
    public int? TotalUnits { get; set; }
    public int? MaxUnitsPerResident { get; set; }
    public DateOnly? SalesFrom { get; set; }
    public DateOnly? SalesUntil { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public decimal? RedemptionFeePercent { get; set; }
    public bool AllowMerchantTransfers { get; set; }
    public decimal? MerchantTransferFeePercent { get; set; }
    public int? RefundWindowDays { get; set; }
    public int? RefundGraceDays { get; set; }

    /// <summary>Use-case field → input name, for messages beside the fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["code"] = "Form.Code",
        ["conflict"] = "Form.Code",
        ["name"] = "Form.Name",
        ["unitPriceYen"] = "Form.UnitPriceYen",
        ["pointsPerUnit"] = "Form.GeneralPoints",
        ["totalUnits"] = "Form.TotalUnits",
        ["maxUnitsPerResident"] = "Form.MaxUnitsPerResident",
        ["salesFrom"] = "Form.SalesFrom",
        ["salesUntil"] = "Form.SalesUntil",
        ["expiresOn"] = "Form.ExpiresOn",
        ["redemptionFeeBasisPoints"] = "Form.RedemptionFeePercent",
        ["merchantTransferFeeBasisPoints"] = "Form.MerchantTransferFeePercent",
        ["refundWindowDays"] = "Form.RefundWindowDays",
        ["refundGraceDays"] = "Form.RefundGraceDays",
    };

    public static ProgramForm Defaults(DateOnly today) => new()
    {
        UnitPriceYen = 10_000,
        GeneralPoints = 6_000,
        SmallBusinessPoints = 7_000,
        MaxUnitsPerResident = 5,
        SalesFrom = today.AddDays(14),
        SalesUntil = today.AddDays(44),
        ExpiresOn = today.AddDays(200),
        RedemptionFeePercent = 1.5m,
        AllowMerchantTransfers = true,
        MerchantTransferFeePercent = 0.5m,
        RefundGraceDays = 0,
    };

    public static ProgramForm Of(ProgramDetail p) => new()
    {
        Code = p.Code,
        Name = p.Name,
        UnitPriceYen = p.UnitPriceYen,
        GeneralPoints = p.GeneralPointsPerUnit,
        SmallBusinessPoints = p.SmallBusinessPointsPerUnit,
        TotalUnits = p.TotalUnits,
        MaxUnitsPerResident = p.MaxUnitsPerResident,
        SalesFrom = p.SalesFrom,
        SalesUntil = p.SalesUntil,
        ExpiresOn = p.ExpiresOn,
        RedemptionFeePercent = p.RedemptionFeeBasisPoints / 100m,
        AllowMerchantTransfers = p.AllowMerchantTransfers,
        MerchantTransferFeePercent = p.MerchantTransferFeeBasisPoints / 100m,
        RefundWindowDays = p.RefundWindowDays,
        RefundGraceDays = p.RefundGraceDays,
    };

    public CreateProgramCommand ToCreate() =>
        new(Code?.Trim() ?? "", Name?.Trim() ?? "", UnitPriceYen ?? 0, Points, TotalUnits ?? 0, MaxUnitsPerResident ?? 0, SalesFrom ?? default,
            SalesUntil ?? default, ExpiresOn ?? default, BasisPoints(RedemptionFeePercent), AllowMerchantTransfers, BasisPoints(MerchantTransferFeePercent),
            RefundWindowDays, RefundGraceDays ?? 0);

    public EditProgramCommand ToEdit(string code) =>
        new(code, Name?.Trim() ?? "", UnitPriceYen ?? 0, Points, TotalUnits ?? 0, MaxUnitsPerResident ?? 0, SalesFrom ?? default,
            SalesUntil ?? default, ExpiresOn ?? default, BasisPoints(RedemptionFeePercent), AllowMerchantTransfers, BasisPoints(MerchantTransferFeePercent),
            RefundWindowDays, RefundGraceDays ?? 0);

    private PointsPerUnit Points => new(GeneralPoints ?? 0, SmallBusinessPoints ?? 0);

    // Out of range percentages become an out-of-range number the use case refuses, never a silently clipped fee.
    private static int BasisPoints(decimal? percent) =>
        percent is { } p ? (int)Math.Clamp(Math.Round(p * 100m, MidpointRounding.AwayFromZero), -1m, 100_000m) : -1;
}
