using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Tests.Support;

public static class LedgerQueries
{
    public static Task<long> BalanceAsync(this LedgerTestHost host, Guid account, PointKind? kind = null) =>
        host.WithDbAsync(db => db.Balances.Where(b => b.AccountId == account && (kind == null || b.Kind == kind)).SumAsync(b => b.Amount));

    /// <summary>The shop's 店舗番号, which every shop gets at registration.</summary>
    public static Task<string> StoreNumberAsync(this LedgerTestHost host, Guid shop) =>
        host.WithDbAsync(db => db.Merchants.Where(m => m.Id == shop).Select(m => m.StoreNumber!).FirstAsync());

    /// <summary>Each resident's units bought so far (the personal-limit counter), of the only program.</summary>
    public static Task<Dictionary<Guid, int>> UnitsBoughtAsync(this LedgerTestHost host) =>
        host.WithDbAsync(db => db.ResidentProgramUsages.ToDictionaryAsync(u => u.ResidentId, u => u.UnitsBought));

    public static Task<long> TransferCountAsync(this LedgerTestHost host) => host.WithDbAsync(db => db.Transfers.LongCountAsync());
}
