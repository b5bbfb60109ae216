using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Tests.Support;

public static class LedgerQueries
{
    public static Task<long> BalanceAsync(this LedgerTestHost host, Guid account, PointKind? kind = null) =>
        host.WithDbAsync(db => db.Balances.Where(b => b.AccountId == account && (kind == null || b.Kind == kind)).SumAsync(b => b.Amount));

    public static Task<long> TransferCountAsync(this LedgerTestHost host) => host.WithDbAsync(db => db.Transfers.LongCountAsync());
}
