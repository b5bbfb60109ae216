using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.FaultHarness;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;
using Xunit.Abstractions;

namespace Tsuyama.LocalCurrency.Reliability.Tests.SeveralHosts;

/// <summary>
/// Two web host processes on one database, driven at once. On SQLite the in-process write gate of one host
/// does not hold back the other (the database lock does); on PostgreSQL the hosts also share Hangfire.
/// </summary>
public sealed class SeveralHostsTests(ITestOutputHelper output)
{
    private const string EveryTwoSeconds = "*/2 * * * * *";

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "tlc-reliability", "hosts-" + Guid.NewGuid().ToString("N"));

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoHosts_PaymentsToBoth_NeverOverspend_RetriesReplayAcrossHosts_AndTheSealChainVerifies(DatabaseProvider provider)
    {
        var directory = NewDirectory();
        await using var database = await TestDatabase.CreateAsync(provider, Directory.CreateDirectory(directory).FullName);
        await using var hosts = await FaultHarness.SeveralHosts.StartAsync(database.Options, directory, 2,
            new Dictionary<string, string> { ["Jobs__SealCron"] = EveryTwoSeconds });
        await hosts.CreateProgramAsync();
        var shops = new[] { (await hosts.RegisterShopAsync(0)).Qr, (await hosts.RegisterShopAsync(1)).Qr };
        var residents = new List<(Guid Id, HttpClient[] PerHost)>();
        for (var i = 0; i < 4; i++)
        {
            residents.Add(await hosts.ResidentWithPointsAsync(units: 1, host: i % 2));
        }

        // Each resident holds 13,000 points and sends 30 payments of 1,000 at once, alternately to either host.
        var payments = residents.SelectMany((r, ri) => Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            FaultHarness.SeveralHosts.PayAsync(r.PerHost[i % 2], shops[(ri + i) % 2], 1_000, $"pay-{ri}-{i}")))).ToList();
        var answers = await Task.WhenAll(payments);

        // Those payments sealed before the retries below add more, so the chain has at least two blocks to link
        // (group commit makes the burst fast enough to fit in one block otherwise).
        await using var ledger = new LedgerFile(database.Options);
        async Task<bool> AllSealedAsync() => await WaitAsync(async () =>
            await ledger.WithDbAsync(async db => await db.Transfers.MaxAsync(t => t.Sequence) == await db.SealBlocks.MaxAsync(b => (long?)b.LastSequence)));
        var sealedBurst = await AllSealedAsync();

        // The same key sent to the other host, after and at the same time, answers the first payment.
        var (_, retrying) = await hosts.ResidentWithPointsAsync(units: 1);
        var first = await FaultHarness.SeveralHosts.PayAsync(retrying[0], shops[0], 700, "retry-after");
        var replay = await FaultHarness.SeveralHosts.PayAsync(retrying[1], shops[0], 700, "retry-after");
        var together = await Task.WhenAll(
            FaultHarness.SeveralHosts.PayAsync(retrying[0], shops[1], 300, "retry-together"),
            FaultHarness.SeveralHosts.PayAsync(retrying[1], shops[1], 300, "retry-together"));

        var sealedAll = await AllSealedAsync();
        var problems = await ledger.VerifyAsync();
        var totals = await ledger.TotalsAsync();
        var blocks = await ledger.WithDbAsync(db => db.SealBlocks.OrderBy(b => b.Number).ToListAsync());
        var paymentsStored = await ledger.WithDbAsync(db => db.Payments.CountAsync());
        output.WriteLine($"{provider}: {answers.Count(a => a.Status == HttpStatusCode.Created)} payments, {blocks.Count} seal blocks; {totals}");

        answers.Count(a => a.Status == HttpStatusCode.Created).Should().Be(4 * 13);
        answers.Where(a => a.Status != HttpStatusCode.Created).Should().OnlyContain(a =>
            a.Status == HttpStatusCode.UnprocessableEntity
            && a.Body["type"]!.GetValue<string>().EndsWith(ProblemTypes.InsufficientBalance, StringComparison.Ordinal));
        foreach (var (id, _) in residents)
        {
            (await ledger.WithDbAsync(db => db.Balances.Where(b => b.AccountId == id).SumAsync(b => b.Amount))).Should().Be(0);
        }

        first.Status.Should().Be(HttpStatusCode.Created);
        replay.Status.Should().Be(HttpStatusCode.Created);
        replay.Body["paymentId"]!.GetValue<Guid>().Should().Be(first.Body["paymentId"]!.GetValue<Guid>());
        together.Should().OnlyContain(a => a.Status == HttpStatusCode.Created);
        together[1].Body["paymentId"]!.GetValue<Guid>().Should().Be(together[0].Body["paymentId"]!.GetValue<Guid>());
        paymentsStored.Should().Be(4 * 13 + 2);

        sealedBurst.Should().BeTrue("both hosts' seal jobs run every two seconds");
        sealedAll.Should().BeTrue("both hosts' seal jobs run every two seconds");
        blocks.Should().HaveCountGreaterThan(1);
        blocks.Select(b => b.Number).Should().Equal(Enumerable.Range(1, blocks.Count).Select(n => (long)n));
        blocks.Zip(blocks.Skip(1)).Should().OnlyContain(p => p.Second.FirstSequence == p.First.LastSequence + 1 && p.Second.PreviousHash == p.First.Hash);
        problems.Should().BeEmpty();
        totals.Balanced.Should().BeTrue(totals.ToString());
    }

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoHosts_RecurringJobs_TakeEffectOnceAcrossHosts(DatabaseProvider provider)
    {
        var directory = NewDirectory();
        await using var database = await TestDatabase.CreateAsync(provider, Directory.CreateDirectory(directory).FullName);
        await using var ledger = new LedgerFile(database.Options);
        await using var hosts = await FaultHarness.SeveralHosts.StartAsync(database.Options, directory, 2, new Dictionary<string, string>
        {
            ["Jobs__SealCron"] = EveryTwoSeconds,
            ["Jobs__ExpiryCron"] = EveryTwoSeconds,
            ["Jobs__ReminderCron"] = EveryTwoSeconds,
            ["Jobs__SettlementCrons__0"] = EveryTwoSeconds,
        });
        await hosts.CreateProgramAsync();
        var (_, shop) = await hosts.RegisterShopAsync();
        var (expiring, expiringClients) = await hosts.ResidentWithPointsAsync(units: 1);
        var (reminded, _) = await hosts.ResidentWithPointsAsync(units: 1);
        (await FaultHarness.SeveralHosts.PayAsync(expiringClients[1], shop, 1_000, "before-expiry")).Status.Should().Be(HttpStatusCode.Created);
        // Bought long ago: the lots' last day was the day before yesterday; the other resident's ends in seven days.
        var today = FaultHarness.SeveralHosts.Today;
        await ledger.WithDbAsync(db => db.Lots
            .Where(l => l.ResidentId == expiring)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresOn, today.AddDays(-2))));
        await ledger.WithDbAsync(db => db.Lots
            .Where(l => l.ResidentId == reminded)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresOn, today.AddDays(7))));

        var expired = await WaitAsync(() => ledger.WithDbAsync(db => db.Lots.Where(l => l.ResidentId == expiring).AllAsync(l => l.Remaining == 0)));
        // Hangfire looks for due recurring jobs every 15 s: wait for another look on both hosts, so a second run would show.
        await Task.Delay(TimeSpan.FromSeconds(16));

        var expiredPoints = await ledger.WithDbAsync(db => db.Transfers
            .Where(t => t.Type == TransferType.Expiry && t.FromAccountId == expiring)
            .SumAsync(t => t.Amount));
        var reminders = await ledger.WithDbAsync(db => db.Notifications.CountAsync(n => n.ResidentId == reminded));
        var settlements = await ledger.WithDbAsync(db => db.Settlements.CountAsync(s => s.Cutoff == today.AddDays(-1)));
        var problems = await ledger.VerifyAsync();

        expired.Should().BeTrue("the expiry job runs every two seconds");
        expiredPoints.Should().Be(12_000, "13,000 bought, 1,000 spent: the rest expires once");
        reminders.Should().Be(1, "one seven-day reminder, however many hosts remind");
        settlements.Should().Be(1);
        problems.Should().BeEmpty();
        if (provider == DatabaseProvider.PostgreSql)
        {
            // One schedule in the shared storage: each occurrence of a recurring job becomes one job, not one per host.
            var occurrences = await HangfireOccurrencesAsync(database.Options);
            output.WriteLine(string.Join(Environment.NewLine, occurrences.GroupBy(o => o.RecurringJob).Select(g => $"{g.Key}: {g.Count()} jobs")));
            // Settlement's schedules are numbered after the defaults the configuration adds to.
            foreach (var job in new[] { "seal-ledger", "expire-points", "expiry-reminders", "settlement-" })
            {
                occurrences.Count(o => o.RecurringJob.StartsWith(job, StringComparison.Ordinal))
                    .Should().BeGreaterThanOrEqualTo(2, $"{job} is due every two seconds");
            }

            occurrences.GroupBy(o => o).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("no occurrence is run by both hosts");
        }
    }

    /// <summary>(recurring job, scheduled time) of every job Hangfire created from a recurring job.</summary>
    private static async Task<List<(string RecurringJob, string Time)>> HangfireOccurrencesAsync(DatabaseOptions database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.value, t.value FROM hangfire.jobparameter r
            JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
            WHERE r.name = 'RecurringJobId'
            """, connection);
        var occurrences = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            occurrences.Add((reader.GetString(0).Trim('"'), reader.GetString(1)));
        }

        return occurrences;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
