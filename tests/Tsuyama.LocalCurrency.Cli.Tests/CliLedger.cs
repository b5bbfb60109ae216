using System.CommandLine;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Cli.Tests;

/// <summary>
/// A temp SQLite ledger filled through the real use cases with a clock set in the past, so the CLI
/// (which runs on the real clock) finds settled days and expired lots.
/// </summary>
internal sealed class CliLedger : IAsyncDisposable
{
    private CliLedger(string directory) => Directory = directory;

    public string Directory { get; }
    public string DbPath => Path.Combine(Directory, "ledger.db");
    public string OutPath => Path.Combine(Directory, "out");

    /// <summary>10 days ago, noon JST: payments are made then, and the program expired 2 days ago.</summary>
    public static DateOnly PastDay => JapanTime.Today(TimeProvider.System).AddDays(-10);

    public static async Task<CliLedger> CreateAsync(int merchants = 2)
    {
        var ledger = new CliLedger(Path.Combine(Path.GetTempPath(), "tlc-cli-tests", Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(ledger.Directory);
        await using var core = await TestLedger.CreateAsync(DatabaseOptions.Sqlite(ledger.DbPath), NoonJst(PastDay));
        await core.CreateProgramAsync(totalUnits: 100, salesFrom: PastDay.AddDays(-1), salesUntil: PastDay, expiresOn: PastDay.AddDays(7));
        var resident = await core.RegisterResidentAsync();
        await core.VerifyAsync(resident, PastDay.AddDays(-1));
        await core.MustAsync(core.CounterSale(resident));
        for (var i = 0; i < merchants; i++)
        {
            var shop = await core.RegisterMerchantAsync("5411", name: $"店{i}", kana: "ミセ");
            await core.PayAsync(resident, shop, 1_000);
        }

        return ledger;
    }

    /// <summary>More set-up through the use cases, on this ledger at noon JST of <paramref name="day"/>.</summary>
    public async Task SendAsync<T>(DateOnly day, params IRequest<Result<T>>[] requests)
    {
        // CreateAsync migrated the file already.
        await using var core = TestLedger.Open(DatabaseOptions.Sqlite(DbPath), NoonJst(day));
        foreach (var request in requests)
        {
            await core.MustAsync(request);
        }
    }

    private static FakeTimeProvider NoonJst(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), JapanTime.Offset));

    /// <summary>Runs one CLI command the way Program.cs does, against this ledger.</summary>
    public Task<int> RunAsync(Command command, params string[] args) =>
        CliRunner.RunAsync(new RootCommand { CommonOptions.Db, command }, [command.Name, .. args, "--db", DbPath]);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
