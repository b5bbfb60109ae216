using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Papers.GetTransferFeeInvoice;

/// <summary>
/// The monthly 適格請求書 for the shop-to-shop transfer fees a shop paid as sender in one JST
/// month: one line per transfer, the tax computed once over the month. Only for a month that is over,
/// so an issued invoice can never gain a line.
/// </summary>
public sealed record GetTransferFeeInvoiceCommand(Guid MerchantId, int Year, int Month, PaperReader Reader, PaperFormat Format)
    : ICommand<SettlementFile>;

internal sealed class GetTransferFeeInvoiceValidator : IValidator<GetTransferFeeInvoiceCommand>
{
    public void Validate(GetTransferFeeInvoiceCommand r, ValidationErrors e)
    {
        e.Reader(r.Reader);
        e.LedgerMonth(r.Year, r.Month, "month");
        e.Require(Enum.IsDefined(r.Format), "format", "must be html or csv");
    }
}

internal sealed class GetTransferFeeInvoiceHandler(LedgerDbContext db, ICurrentActor actor, TimeProvider clock, IOptions<InvoiceOptions> options)
    : IRequestHandler<GetTransferFeeInvoiceCommand, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(GetTransferFeeInvoiceCommand command, CancellationToken ct)
    {
        if (command.Reader.Refuse(command.MerchantId, actor) is { } refused)
        {
            return refused;
        }

        var first = new DateOnly(command.Year, command.Month, 1);
        var next = first.AddMonths(1);
        var today = JapanTime.Today(clock);
        if (next > today)
        {
            return Error.Rule(ProblemTypes.PeriodNotOver, "対象月がまだ終わっていません / Month not over",
                $"The month {first:yyyy-MM} is not over yet (today is {today:yyyy-MM-dd}, JST); its invoice is issued from {next:yyyy-MM-dd}.");
        }

        var shop = await db.Merchants.AsNoTracking().Where(m => m.Id == command.MerchantId).Select(m => m.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (shop is null)
        {
            return Error.NotFound("Merchant", command.MerchantId);
        }

        var (start, end) = (JapanTime.EndOfDayUtc(first.AddDays(-1)), JapanTime.EndOfDayUtc(next.AddDays(-1)));
        var transfers = await (
            from t in db.MerchantTransfers
            join to in db.Merchants on t.ToMerchantId equals to.Id
            where t.FromMerchantId == command.MerchantId && t.CreatedAt >= start && t.CreatedAt < end && t.Fee > 0
            orderby t.CreatedAt, t.Id
            select new { t.CreatedAt, t.Amount, t.Fee, Recipient = to.Name }).ToListAsync(ct).ConfigureAwait(false);
        if (transfers.Count == 0)
        {
            return Error.Rule(ProblemTypes.NothingCharged, "請求する手数料がありません / No fees charged",
                $"Shop {command.MerchantId} paid no shop-to-shop transfer fee in {first:yyyy-MM}.");
        }

        var subject = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var issue = await PaperIssues.GetOrIssueAsync(db, clock, options.Value, PaperKind.TransferFeeInvoice, command.MerchantId, subject,
            command.Reader.Name, ct).ConfigureAwait(false);
        var charges = transfers.Select(t => new InvoiceCharge(JapanTime.DateOf(new DateTimeOffset(t.CreatedAt, TimeSpan.Zero)),
            $"店舗間送金手数料（送金先 {t.Recipient}）", t.Fee, InvoiceTax.StandardRatePercent,
            string.Create(CultureInfo.InvariantCulture, $"送金 {t.Amount:N0} ポイント"))).ToList();
        var invoice = new QualifiedInvoice(PaperKind.TransferFeeInvoice, issue.Issue.Number, issue.IssuedOn, issue.Reissue, today,
            issue.Issue.IssuerName, issue.Issue.RegistrationNumber, options.Value.IssuerContact, command.MerchantId, shop,
            $"{first.Year}年{first.Month}月分",
            string.Create(CultureInfo.InvariantCulture, $"{first:yyyy/MM/dd} ～ {next.AddDays(-1):yyyy/MM/dd}"), charges);
        return invoice.Render(command.Format);
    }
}
