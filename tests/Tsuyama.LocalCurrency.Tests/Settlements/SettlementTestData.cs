using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Settlements;

internal static class SettlementTestData
{
    /// <summary>Friday 2026-04-10, the test host's first day.</summary>
    public static readonly DateOnly Day1 = new(2026, 4, 10);

    public static RunSettlementCommand Settle(DateOnly cutoff, string? key = null) => new(cutoff, "admin:test", key);

    /// <summary>Moves the fake clock to a JST wall-clock time (forward only).</summary>
    public static void SetJst(this LedgerTestHost host, DateOnly day, int hour, int minute = 0, int second = 0) =>
        host.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), JapanTime.Offset));

    public static Task<Guid> RedeemedAccountAsync(this LedgerTestHost host, string code = "P1") =>
        host.WithDbAsync(db => db.Programs.Where(p => p.Code == code).Select(p => p.RedeemedAccountId).SingleAsync());

    public static Task<Guid> ExpiredAccountAsync(this LedgerTestHost host, string code = "P1") =>
        host.WithDbAsync(db => db.Programs.Where(p => p.Code == code).Select(p => p.ExpiredAccountId).SingleAsync());

    /// <summary>Everything a settlement could change, to compare before and after a failed run.</summary>
    public static Task<string> LedgerFingerprintAsync(this LedgerTestHost host) => host.WithDbAsync(async db =>
    {
        var balances = await db.Balances.OrderBy(b => b.AccountId).ThenBy(b => b.ProgramId).ThenBy(b => b.Kind)
            .Select(b => $"{b.AccountId}/{b.Kind}={b.Amount}").ToListAsync();
        var transfers = await db.Transfers.LongCountAsync();
        var settlements = await db.Settlements.CountAsync();
        var lines = await db.SettlementLines.CountAsync();
        return $"{string.Join(';', balances)}|t={transfers}|s={settlements}|l={lines}";
    });
}
