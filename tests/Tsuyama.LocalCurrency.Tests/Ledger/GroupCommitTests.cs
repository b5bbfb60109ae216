using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>
/// Payments queued behind the SQLite writer share one transaction, each in its own savepoint (docs/decisions/0019).
/// The group is formed on purpose: the test holds the gate until every payment is queued behind it.
/// </summary>
public sealed class GroupCommitTests
{
    /// <summary>Makes the next COMMIT on the connection the payments write on fail, as a full disk or an I/O error at commit would.</summary>
    private sealed class FailingCommit : DbCommandInterceptor
    {
        private int _armed;

        public void Arm() => _armed = 1;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref _armed) == 1 && command.Connection is SqliteConnection connection)
            {
                // A commit hook that returns non-zero turns the COMMIT into a rollback (SQLITE_CONSTRAINT_COMMITHOOK); once only.
                SQLitePCL.raw.sqlite3_commit_hook(connection.Handle, _ => Interlocked.Exchange(ref _armed, 0), null);
            }

            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task Pay_WhenOnePaymentOfAGroupCommitIsRefused_TheOthersOfThatGroupAreCommitted()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        await host.CreateProgramAsync();
        var shop = await host.RegisterMerchantAsync();
        var rich = await host.RegisterResidentAsync();
        await host.BuyAsync(rich);
        var poor = await host.RegisterResidentAsync();
        var refusedKey = host.NextKey();
        var commands = new[]
        {
            new PayCommand(rich, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(rich), host.NextKey()),
            new PayCommand(poor, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(poor), refusedKey),
            new PayCommand(rich, shop, 2_000, PaymentChannel.StoreQr, IdempotencyScopes.User(rich), host.NextKey()),
            new PayCommand(rich, shop, 3_000, PaymentChannel.StoreQr, IdempotencyScopes.User(rich), host.NextKey()),
        };

        var (results, groups) = await InOneGroupAsync(host, commands);

        groups.Should().Be(1, "the four payments were queued behind each other");
        results.Count(r => r.IsSuccess).Should().Be(3);
        results.Single(r => !r.IsSuccess).Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        (await host.BalanceAsync(shop)).Should().Be(6_000);
        (await host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(3);
        var replay = await host.SendAsync(commands[1] with { });
        replay.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance, "the refusal's outcome was committed with the group");
        (await host.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == refusedKey && !r.Succeeded))).Should().Be(1);
        (await host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Pay_WhenOnePaymentOfAGroupCommitThrows_TheOthersOfThatGroupAreCommitted()
    {
        var failing = new FailingCommandInterceptor();
        await using var host = await LedgerTestHost.CreateAsync(s => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(failing)));
        await host.CreateProgramAsync();
        var shop = await host.RegisterMerchantAsync();
        var resident = await host.RegisterResidentAsync();
        await host.BuyAsync(resident);
        var commands = Enumerable.Range(1, 3)
            .Select(i => new PayCommand(resident, shop, 1_000 * i, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), host.NextKey())).ToArray();
        // The first payment's guarded lot update runs, then the next write (its first balance update) fails mid-command.
        failing.FailOnWrite(2);

        var (outcomes, groups) = await InOneGroupCatchingAsync(host, commands);

        groups.Should().Be(1);
        outcomes.Count(o => o.Failure is not null).Should().Be(1);
        var kept = outcomes.Where(o => o.Result is { IsSuccess: true }).Select(o => o.Command.Amount).ToList();
        kept.Should().HaveCount(2);
        (await host.BalanceAsync(shop)).Should().Be(kept.Sum(), "the failed payment's lot update was rolled back to its own savepoint");
        (await host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Pay_WhenTheSharedCommitFails_EveryPaymentOfTheGroupFailsAndNothingMoves()
    {
        var commit = new FailingCommit();
        await using var host = await LedgerTestHost.CreateAsync(s => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(commit)));
        await host.CreateProgramAsync();
        var shop = await host.RegisterMerchantAsync();
        var resident = await host.RegisterResidentAsync();
        await host.BuyAsync(resident);
        var before = await host.BalanceAsync(resident);
        var commands = Enumerable.Range(1, 3)
            .Select(i => new PayCommand(resident, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), host.NextKey())).ToArray();
        commit.Arm();

        var (outcomes, groups) = await InOneGroupCatchingAsync(host, commands);

        groups.Should().Be(0, "the one group did not commit");
        outcomes.Should().OnlyContain(o => o.Failure is GroupCommitFailedException, "no caller may hear of a payment that was not committed");
        (await host.BalanceAsync(shop)).Should().Be(0);
        (await host.BalanceAsync(resident)).Should().Be(before);
        (await host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(0);
        (await host.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.RequestName == nameof(PayCommand)))).Should().Be(0,
            "a retry with the same key must run again");
        (await host.SendAsync(commands[0])).IsSuccess.Should().BeTrue("the retry runs in a new group");
        (await host.BalanceAsync(shop)).Should().Be(1_000);
        (await host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Pay_WithNobodyQueuedBehindIt_CommitsAlone()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        await host.CreateProgramAsync();
        var shop = await host.RegisterMerchantAsync();
        var resident = await host.RegisterResidentAsync();
        await host.BuyAsync(resident);
        var gate = host.Services.GetRequiredService<WriteGate>();
        var before = gate.GroupsCommitted;

        await host.MustAsync(new PayCommand(resident, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), host.NextKey()));
        await host.MustAsync(new PayCommand(resident, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), host.NextKey()));

        (gate.GroupsCommitted - before).Should().Be(2, "a payment with nobody waiting behind it does not wait for company");
        (await host.BalanceAsync(shop)).Should().Be(2_000);
    }

    [Fact]
    public async Task Pay_WhenTheGroupIsOlderThanItsAgeLimit_TheNextMemberCommitsItThoughOthersWait()
    {
        await using var host = await LedgerTestHost.CreateAsync(s => s.Configure<LedgerOptions>(o => o.MaxGroupCommitAge = TimeSpan.Zero));
        await host.CreateProgramAsync();
        var shop = await host.RegisterMerchantAsync();
        var resident = await host.RegisterResidentAsync();
        await host.BuyAsync(resident);
        var commands = Enumerable.Range(1, 4)
            .Select(i => new PayCommand(resident, shop, 1_000 * i, PaymentChannel.StoreQr, $"resident:{resident}", host.NextKey())).ToArray();

        var (results, groups) = await InOneGroupAsync(host, commands);

        groups.Should().Be(4, "with an age limit of zero every member finds its group old enough to commit");
        results.Should().OnlyContain(r => r.IsSuccess);
        (await host.BalanceAsync(shop)).Should().Be(10_000);
        (await host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    private sealed record Outcome(PayCommand Command, Result<PaymentMade>? Result, Exception? Failure);

    private static async Task<(Result<PaymentMade>[] Results, long Groups)> InOneGroupAsync(LedgerTestHost host, PayCommand[] commands)
    {
        var (outcomes, groups) = await InOneGroupCatchingAsync(host, commands);
        outcomes.Should().OnlyContain(o => o.Failure == null);
        return (outcomes.Select(o => o.Result!).ToArray(), groups);
    }

    /// <summary>Holds the writer gate until every command waits behind it, so they all join the same group.</summary>
    private static async Task<(Outcome[] Outcomes, long Groups)> InOneGroupCatchingAsync(LedgerTestHost host, PayCommand[] commands)
    {
        var gate = host.Services.GetRequiredService<WriteGate>();
        var before = gate.GroupsCommitted;
        Task<Outcome>[] running;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            running = commands.Select(c => Task.Run(async () =>
            {
                try
                {
                    return new Outcome(c, await host.SendAsync(c), null);
                }
                catch (Exception ex)
                {
                    return new Outcome(c, null, ex);
                }
            })).ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (gate.Joining < commands.Length)
            {
                DateTime.UtcNow.Should().BeBefore(deadline, "every payment should queue behind the held gate");
                await Task.Delay(5);
            }
        }

        var outcomes = await Task.WhenAll(running);
        return (outcomes, gate.GroupsCommitted - before);
    }
}
