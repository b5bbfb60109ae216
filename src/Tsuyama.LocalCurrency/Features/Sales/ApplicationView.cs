using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Features.Sales;

/// <summary>An application as its resident (or the web page showing it) sees it.</summary>
public sealed record ApplicationView(Guid ApplicationId, string ProgramCode, int Units, ApplicationStatus Status, DateTime AppliedAt,
    int? DrawPosition, DateOnly? PayBy, Guid? PurchaseId, long AmountDueYen)
{
    internal static ApplicationView Of(SalesApplication a, VoucherProgram p) =>
        new(a.Id, p.Code, a.Units, a.Status, a.AppliedAt, a.DrawPosition, a.PayBy, a.PurchaseId, a.Units * p.UnitPriceYen);
}
