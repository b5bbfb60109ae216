using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.GetMerchantAccount;

public sealed record GetMerchantAccountQuery(Guid MerchantId, int Take = 50) : IQuery<MerchantAccount>;

public sealed record MerchantBalance(string ProgramCode, PointKind Kind, long Points);

public sealed record MerchantTransaction(Guid TransferId, TransferType Type, string ProgramCode, PointKind Kind, long Amount, Guid OperationId, DateTime At);

/// <summary>
/// The merchant's balance and its latest movements; <see cref="MerchantTransaction.Amount"/> is
/// positive when points came in and negative when they went out.
/// </summary>
public sealed record MerchantAccount(long Balance, IReadOnlyList<MerchantBalance> Balances, IReadOnlyList<MerchantTransaction> Transactions);

internal sealed class GetMerchantAccountHandler(LedgerDbContext db) : IRequestHandler<GetMerchantAccountQuery, Result<MerchantAccount>>
{
    public async Task<Result<MerchantAccount>> Handle(GetMerchantAccountQuery query, CancellationToken ct)
    {
        if (!await db.Merchants.AnyAsync(m => m.Id == query.MerchantId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Merchant", query.MerchantId);
        }

        var balances = await (
            from b in db.Balances
            join p in db.Programs on b.ProgramId equals p.Id
            where b.AccountId == query.MerchantId && b.Amount != 0
            orderby p.Code, b.Kind
            select new MerchantBalance(p.Code, b.Kind, b.Amount)).ToListAsync(ct).ConfigureAwait(false);

        var id = query.MerchantId;
        var take = Math.Clamp(query.Take, 1, 500);
        var transfers = await (
            from t in db.Transfers
            join p in db.Programs on t.ProgramId equals p.Id
            where t.ToAccountId == id || t.FromAccountId == id
            orderby t.Sequence descending
            select new MerchantTransaction(t.Id, t.Type, p.Code, t.Kind, t.ToAccountId == id ? t.Amount : -t.Amount, t.OperationId, t.CreatedAt))
            .Take(take).ToListAsync(ct).ConfigureAwait(false);
        return new MerchantAccount(balances.Sum(b => b.Points), balances, transfers);
    }
}
