using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>
/// The payment's writes run as statements prepared once on the group writer (<see cref="WriterStatements"/>), or through
/// EF's raw SQL when a command interceptor must see them. Both routes must store every value the same way.
/// </summary>
public sealed class WriterStatementsTests
{
    /// <summary>An interceptor that changes nothing: its presence alone sends commands through EF.</summary>
    private sealed class Watching : DbCommandInterceptor;

    [Fact]
    public async Task Pay_OnTheGroupWriter_PreparesItsStatementsOnceAndReusesThem()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (resident, shop) = await ResidentAndShopAsync(host);
        var gate = host.Services.GetRequiredService<WriteGate>();

        await host.PayAsync(resident, shop, 100);
        var afterFirst = gate.PreparedStatements;
        for (var i = 0; i < 5; i++)
        {
            await host.PayAsync(resident, shop, 100);
        }

        afterFirst.Should().BeGreaterThanOrEqualTo(6, "lot, two balances, transfer, payment, allocation and idempotency record");
        gate.PreparedStatements.Should().Be(afterFirst, "the same payment shape reuses the statements it prepared");
        (await host.BalanceAsync(shop)).Should().Be(600);
    }

    [Fact]
    public async Task Pay_WithACommandInterceptor_GoesThroughEfAndPreparesNothing()
    {
        await using var host = await LedgerTestHost.CreateAsync(s => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(new Watching())));
        var (resident, shop) = await ResidentAndShopAsync(host);

        await host.PayAsync(resident, shop, 100);

        host.Services.GetRequiredService<WriteGate>().PreparedStatements.Should().Be(0);
        (await host.BalanceAsync(shop)).Should().Be(100);
    }

    [Fact]
    public async Task Pay_StoresEveryColumnAlikeOnBothRoutes()
    {
        await using var prepared = await LedgerTestHost.CreateAsync();
        await using var throughEf = await LedgerTestHost.CreateAsync(s => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(new Watching())));

        var shapes = new List<string>[2];
        foreach (var (host, i) in new[] { (prepared, 0), (throughEf, 1) })
        {
            var (resident, shop) = await ResidentAndShopAsync(host);
            await host.PayAsync(resident, shop, 100);
            shapes[i] = await host.WithDbAsync(db => StoredShapesAsync(db));
        }

        shapes[0].Should().NotBeEmpty().And.Equal(shapes[1]);
        shapes[0].Should().Contain(s => s.StartsWith("Payments.Id TEXT 8-4-4-4-12 upper", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PaymentReads_OnTheWriter_ReturnWhatTheCompiledQueriesReturn()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (resident, shop) = await ResidentAndShopAsync(host);
        await host.BuyAsync(resident);
        await host.MustAsync(host.Payment(resident, shop, 100, "first-payment"));
        var scope = IdempotencyScopes.User(resident);

        var compiled = await host.WithDbAsync(db => ReadAllAsync(db, resident, shop, scope, host.Today));
        var prepared = await host.WithDbAsync(async db =>
        {
            await using var writer = new SqliteConnection(db.Database.GetConnectionString());
            await writer.OpenAsync();
            using var statements = WriterStatements.Attach(writer);
            db.Database.SetDbConnection(writer, contextOwnsConnection: false);
            WriterStatements.On(db).Should().BeSameAs(statements, "this context now reads on a writer connection");
            return await ReadAllAsync(db, resident, shop, scope, host.Today);
        });

        prepared.Payee.Should().Be(compiled.Payee).And.NotBeNull();
        prepared.Lots.Should().HaveCount(4, "two purchases, each of general and small-business points").And.Equal(compiled.Lots);
        prepared.Lots.Should().OnlyContain(l => l.CreatedAt.Kind == DateTimeKind.Utc);
        prepared.Record.Should().BeEquivalentTo(compiled.Record).And.NotBeNull();
        prepared.Record!.CreatedAt.Kind.Should().Be(DateTimeKind.Utc);
        prepared.Missing.Should().Be((null, null));
    }

    private static async Task<(MerchantPayee? Payee, List<SpendableLot> Lots, IdempotencyRecord? Record, (MerchantPayee?, IdempotencyRecord?) Missing)>
        ReadAllAsync(LedgerDbContext db, Guid resident, Guid shop, string scope, DateOnly today) =>
        (await PaymentPathQueries.MerchantPayee(db, shop),
            await PaymentPathQueries.SpendableLotsAsync(db, resident, today, CancellationToken.None),
            await PaymentPathQueries.IdempotencyRecord(db, scope, "first-payment"),
            (await PaymentPathQueries.MerchantPayee(db, Guid.NewGuid()), await PaymentPathQueries.IdempotencyRecord(db, scope, "no-such-key")));

    private static async Task<(Guid Resident, Guid Shop)> ResidentAndShopAsync(LedgerTestHost host)
    {
        await host.CreateProgramAsync();
        var shop = await host.RegisterMerchantAsync();
        var resident = await host.RegisterResidentAsync();
        await host.BuyAsync(resident);
        return (resident, shop);
    }

    /// <summary>For each column of the rows a payment appends: its SQLite storage class and the form of its text.</summary>
    private static async Task<List<string>> StoredShapesAsync(LedgerDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var shapes = new List<string>();
        foreach (var table in new[] { "Payments", "PaymentAllocations", "Transfers", "IdempotencyRecords" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT * FROM "{table}" WHERE rowid = (SELECT MAX(rowid) FROM "{table}")""";
            if (table == "Transfers")
            {
                command.CommandText = """SELECT * FROM "Transfers" WHERE "Type" = 1 ORDER BY "Sequence" DESC LIMIT 1""";
            }

            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).Should().BeTrue($"a payment writes to {table}");
            for (var c = 0; c < reader.FieldCount; c++)
            {
                var name = reader.GetName(c);
                if (name is "Sequence" or "OutcomeJson" or "RequestHash" or "Key" or "Scope")
                {
                    continue;
                }

                shapes.Add($"{table}.{name} {reader.GetDataTypeName(c)} {Form(reader.GetValue(c))}");
            }
        }

        return shapes;
    }

    /// <summary>What a value looks like, without the value: digits and hex letters folded, case noted.</summary>
    private static string Form(object value) => value switch
    {
        string s when Guid.TryParseExact(s, "D", out _) => "8-4-4-4-12 " + (s == s.ToUpperInvariant() ? "upper" : "lower"),
        string s when DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _) =>
            "date " + new string(s.Select(ch => char.IsDigit(ch) ? 'd' : ch).ToArray()).Split('.')[0],
        string s => "text",
        long => "integer",
        _ => value.GetType().Name,
    };
}
