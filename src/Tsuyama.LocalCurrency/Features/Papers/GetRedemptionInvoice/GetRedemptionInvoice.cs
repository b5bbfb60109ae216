using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Papers.GetRedemptionInvoice;

/// <summary>
/// 適格請求書 for the redemption fee one shop paid in one settlement: one line per program, the tax
/// computed once over the invoice. The first request issues it (number, date); later ones reissue it.
/// </summary>
public sealed record GetRedemptionInvoiceCommand(Guid SettlementId, Guid MerchantId, PaperReader Reader, PaperFormat Format)
    : ICommand<SettlementFile>;

internal sealed class GetRedemptionInvoiceValidator : IValidator<GetRedemptionInvoiceCommand>
{
    public void Validate(GetRedemptionInvoiceCommand r, ValidationErrors e)
    {
        e.Reader(r.Reader);
        e.Require(Enum.IsDefined(r.Format), "format", "must be html or csv");
    }
}

internal sealed class GetRedemptionInvoiceHandler(LedgerDbContext db, ICurrentActor actor, TimeProvider clock, IOptions<InvoiceOptions> options)
    : IRequestHandler<GetRedemptionInvoiceCommand, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(GetRedemptionInvoiceCommand command, CancellationToken ct)
    {
        if (command.Reader.Refuse(command.MerchantId, actor) is { } refused)
        {
            return refused;
        }

        var invoice = await RedemptionInvoices.LoadAsync(db, clock, options.Value, command.SettlementId, command.MerchantId, command.Reader.Name, ct)
            .ConfigureAwait(false);
        return invoice is null
            ? Error.NotFound("Settlement of this shop", $"{command.SettlementId}/{command.MerchantId}")
            : invoice.Render(command.Format);
    }
}

internal static class RedemptionInvoices
{
    /// <summary>Null when the settlement does not exist or did not redeem anything of this shop.</summary>
    public static async Task<QualifiedInvoice?> LoadAsync(LedgerDbContext db, TimeProvider clock, InvoiceOptions issuer,
        Guid settlementId, Guid merchantId, string issuedBy, CancellationToken ct)
    {
        var settlement = await db.Settlements.AsNoTracking().Where(s => s.Id == settlementId)
            .Select(s => new { s.Cutoff, s.CreatedAt }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var shop = await db.Merchants.AsNoTracking().Where(m => m.Id == merchantId).Select(m => m.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (settlement is null || shop is null)
        {
            return null;
        }

        var lines = await (
            from l in db.SettlementLines
            join p in db.Programs on l.ProgramId equals p.Id
            where l.SettlementId == settlementId && l.MerchantId == merchantId
            orderby p.Code
            select new { p.Code, p.Name, l.Points, l.FeeYen, p.RedemptionFeeBasisPoints }).ToListAsync(ct).ConfigureAwait(false);
        if (lines.Count == 0)
        {
            return null;
        }

        var previous = await db.Settlements.Where(s => s.Cutoff < settlement.Cutoff).OrderByDescending(s => s.Cutoff)
            .Select(s => (DateOnly?)s.Cutoff).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var settledOn = JapanTime.DateOf(new DateTimeOffset(settlement.CreatedAt, TimeSpan.Zero));
        var issue = await PaperIssues.GetOrIssueAsync(db, clock, issuer, PaperKind.RedemptionInvoice, merchantId,
            settlementId.ToString(), issuedBy, ct).ConfigureAwait(false);

        var charges = lines.Select(l => new InvoiceCharge(settledOn, $"換金手数料 {l.Name}（{l.Code}）", l.FeeYen, InvoiceTax.StandardRatePercent,
            string.Create(CultureInfo.InvariantCulture, $"換金 {l.Points:N0} ポイント × {l.RedemptionFeeBasisPoints / 100m:0.##}%"))).ToList();
        var period = previous is { } from
            ? string.Create(CultureInfo.InvariantCulture, $"{from.AddDays(1):yyyy/MM/dd} ～ {settlement.Cutoff:yyyy/MM/dd}")
            : string.Create(CultureInfo.InvariantCulture, $"～ {settlement.Cutoff:yyyy/MM/dd}");
        return new QualifiedInvoice(PaperKind.RedemptionInvoice, issue.Issue.Number, issue.IssuedOn, issue.Reissue, JapanTime.Today(clock),
            issue.Issue.IssuerName, issue.Issue.RegistrationNumber, issuer.IssuerContact, merchantId, shop,
            string.Create(CultureInfo.InvariantCulture, $"{settlement.Cutoff:yyyy/MM/dd} 締め 精算（精算日 {settledOn:yyyy/MM/dd}）"), period, charges);
    }
}
