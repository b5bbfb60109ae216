using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;

public enum StatementFormat
{
    Html = 0,
    Csv = 1,
}

/// <summary>
/// 精算明細書 of one merchant in one settlement: the period's payments, refunds and merchant
/// transfers, the points redeemed per program, the fee with the consumption tax it contains,
/// the payout and the (masked) account it goes to.
/// </summary>
public sealed record GetSettlementStatementQuery(Guid SettlementId, Guid MerchantId, StatementFormat Format) : IQuery<SettlementFile>;

internal sealed class GetSettlementStatementHandler(LedgerDbContext db,
    ICurrentActor actor) : IRequestHandler<GetSettlementStatementQuery, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(GetSettlementStatementQuery query, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "see settlements") is { } clerk)
        {
            return clerk;
        }

        // Who may read whose statement (API, shop page and city page alike): the city office (Admin)
        // and the operator any; a shop only its own.
        if (actor.Current is { } caller && !caller.Roles.Contains(Roles.Admin)
            && await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.MerchantId).FirstOrDefaultAsync(ct).ConfigureAwait(false) != query.MerchantId)
        {
            return Error.Forbidden("A merchant can read only its own statements.");
        }

        var statement = await StatementLoader.LoadAsync(db, query.SettlementId, query.MerchantId, ct).ConfigureAwait(false);
        if (statement is null)
        {
            return Error.NotFound("Settlement or merchant", $"{query.SettlementId}/{query.MerchantId}");
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"statement-{statement.Cutoff:yyyy-MM-dd}-{query.MerchantId}");
        return query.Format == StatementFormat.Csv
            ? new SettlementFile(name + ".csv", "text/csv; charset=utf-8", StatementCsv.Render(statement))
            : new SettlementFile(name + ".html", "text/html; charset=utf-8", StatementHtml.Render(statement));
    }
}
