using Microsoft.Data.Sqlite;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// Writes a million payments straight into the ledger tables with prepared statements in a few big
/// transactions. This BYPASSES the use cases (a million Pay commands would take far longer than
/// the benchmark measures) but keeps every invariant verify checks: each resident gets one lot per
/// kind issued by an Issue transfer, payments are resident → merchant transfers drawn from those
/// lots, and every balance row equals the sum of its transfers. The business records behind the
/// transfers are written too, because verify reconciles them with the journal: one confirmed counter
/// purchase per resident for the two issue transfers (one per kind, the lots' source), and per payment
/// its Payments row with the one allocation it draws from the resident's lot of that kind.
/// </summary>
internal static class PaymentSeeder
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private const int RowsPerTransaction = 250_000;

    public sealed record Seeded(long Transfers, long Points);

    public static async Task<Seeded> SeedAsync(string path, Guid programId, IReadOnlyList<Guid> residents, IReadOnlyList<Guid> merchants,
        int payments, DateOnly expiresOn, DateTimeOffset start)
    {
        var random = new Random(20260410);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await ExecAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        var issuer = await ScalarTextAsync(connection, $"SELECT IssuerAccountId FROM Programs WHERE Id = '{G(programId)}'");

        // Plan every payment first so each lot can be issued with exactly what it will pay plus a remainder.
        var spent = new long[residents.Count, 2];
        var merchantSums = new long[merchants.Count, 2];
        var plan = new (int Resident, int Merchant, int Kind, int Amount, long Ticks)[payments];
        var span = TimeSpan.FromDays(28).Ticks;
        for (var i = 0; i < payments; i++)
        {
            var (r, m, k, a) = (random.Next(residents.Count), random.Next(merchants.Count), random.Next(2), 100 + random.Next(2_901));
            plan[i] = (r, m, k, a, start.AddTicks(span * i / payments).UtcTicks);
            spent[r, k] += a;
            merchantSums[m, k] += a;
        }

        const long Leftover = 1_000;
        var issuedAt = Text(start.UtcDateTime);
        var issued = new long[2];
        var lotIds = new string[residents.Count, 2];
        await using (var tx = connection.BeginTransaction())
        {
            var lot = Prepare(
                connection,
                tx,
                "INSERT INTO Lots (Id, ResidentId, ProgramId, Kind, ExpiresOn, OriginalAmount, Remaining, Source, SourceId, CreatedAt) " +
                "VALUES ($0,$1,$2,$3,$4,$5,$6,0,$7,$8)", 9);
            var transfer = TransferInsert(connection, tx);
            var purchase = Prepare(connection, tx, "INSERT INTO Purchases (Id, ResidentId, ProgramId, Units, PaidYen, GeneralPoints, SmallBusinessPoints, " +
                "CreatedAt, Channel, PaymentMethod, ConfirmedBy) VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8,'cash','bench')", 9);
            var balance = Prepare(connection, tx, "INSERT INTO Balances (AccountId, ProgramId, Kind, Amount) VALUES ($0,$1,$2,$3)", 4);
            for (var r = 0; r < residents.Count; r++)
            {
                var purchaseId = G(Guid.CreateVersion7(start));
                for (var k = 0; k < 2; k++)
                {
                    var amount = spent[r, k] + Leftover;
                    lotIds[r, k] = G(Guid.CreateVersion7(start));
                    Run(lot, lotIds[r, k], G(residents[r]), G(programId), k, expiresOn.ToString("yyyy-MM-dd", null), amount, Leftover, purchaseId, issuedAt);
                    Run(transfer, G(Guid.CreateVersion7(start)), G(programId), k, issuer, G(residents[r]), amount,
                        (int)TransferType.Issue, purchaseId, issuedAt);
                    Run(balance, G(residents[r]), G(programId), k, Leftover);
                    issued[k] += amount;
                }

                // The yen are not reconciled with the points by verify; a plausible figure is enough.
                var points = spent[r, 0] + spent[r, 1] + (2 * Leftover);
                Run(purchase, purchaseId, G(residents[r]), G(programId), 1, points, spent[r, 0] + Leftover, spent[r, 1] + Leftover, issuedAt,
                    (int)PurchaseChannel.Counter);
            }

            for (var m = 0; m < merchants.Count; m++)
            {
                for (var k = 0; k < 2; k++)
                {
                    if (merchantSums[m, k] > 0)
                    {
                        Run(balance, G(merchants[m]), G(programId), k, merchantSums[m, k]);
                    }
                }
            }

            for (var k = 0; k < 2; k++)
            {
                Run(balance, issuer, G(programId), k, -issued[k]);
            }

            await tx.CommitAsync();
        }

        var residentText = residents.Select(G).ToArray();
        var merchantText = merchants.Select(G).ToArray();
        var program = G(programId);
        for (var first = 0; first < payments; first += RowsPerTransaction)
        {
            await using var tx = connection.BeginTransaction();
            var transfer = TransferInsert(connection, tx);
            var payment = Prepare(connection, tx, "INSERT INTO Payments (Id, ResidentId, MerchantId, Amount, RefundedAmount, Channel, CreatedAt) " +
                "VALUES ($0,$1,$2,$3,0,$4,$5)", 6);
            var allocation = Prepare(
                connection,
                tx,
                "INSERT INTO PaymentAllocations (PaymentId, \"Index\", LotId, ProgramId, Kind, ExpiresOn, Amount, Refunded) " +
                "VALUES ($0,0,$1,$2,$3,$4,$5,0)", 6);
            var expires = expiresOn.ToString("yyyy-MM-dd", null);
            for (var i = first; i < Math.Min(payments, first + RowsPerTransaction); i++)
            {
                var p = plan[i];
                var at = new DateTime(p.Ticks, DateTimeKind.Utc);
                var paymentId = G(Guid.CreateVersion7(at));
                Run(transfer, G(Guid.CreateVersion7(at)), program, p.Kind, residentText[p.Resident], merchantText[p.Merchant], p.Amount,
                    (int)TransferType.Payment, paymentId, Text(at));
                Run(payment, paymentId, residentText[p.Resident], merchantText[p.Merchant], p.Amount, (int)PaymentChannel.StoreQr, Text(at));
                Run(allocation, paymentId, lotIds[p.Resident, p.Kind], program, p.Kind, expires, p.Amount);
            }

            await tx.CommitAsync();
        }

        await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        return new Seeded(payments + (residents.Count * 2L), plan.Sum(p => (long)p.Amount));
    }

    private static SqliteCommand TransferInsert(SqliteConnection c, SqliteTransaction tx) =>
        Prepare(c, tx, "INSERT INTO Transfers (Id, ProgramId, Kind, FromAccountId, ToAccountId, Amount, Type, OperationId, CreatedAt) " +
            "VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8)", 9);

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string sql, int parameters)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    /// <summary>EF Core's SQLite formats: upper-case GUID text and ISO date-time text.</summary>
    private static string G(Guid id) => id.ToString().ToUpperInvariant();

    private static string Text(DateTime utc) => utc.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ExecAsync(SqliteConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarTextAsync(SqliteConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
