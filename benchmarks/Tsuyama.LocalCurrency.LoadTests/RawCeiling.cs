using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>
/// The most a bare Microsoft.Data.Sqlite loop can write on this disk: per payment a conditional debit, a credit,
/// a transfer insert and an idempotency insert, prepared once, WAL + synchronous=NORMAL, <c>perTransaction</c>
/// payments per transaction. The product does more per payment (lots, allocations, the payment row), so this is a ceiling.
/// </summary>
internal static class RawCeiling
{
    public static double Run(string directory, TimeSpan duration, int perTransaction)
    {
        var path = Path.Combine(directory, $"raw-{perTransaction}.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Exec(connection, """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE Balances (AccountId TEXT NOT NULL PRIMARY KEY, Amount INTEGER NOT NULL);
                CREATE TABLE Transfers (Id TEXT NOT NULL PRIMARY KEY, FromAccountId TEXT NOT NULL, ToAccountId TEXT NOT NULL,
                    Amount INTEGER NOT NULL, CreatedAt TEXT NOT NULL);
                CREATE TABLE IdempotencyRecords (Scope TEXT NOT NULL, Key TEXT NOT NULL, OutcomeJson TEXT NOT NULL, CreatedAt TEXT NOT NULL,
                    PRIMARY KEY (Scope, Key));
                """);
            var residents = Enumerable.Range(0, 64).Select(_ => Guid.NewGuid().ToString().ToUpperInvariant()).ToArray();
            var merchant = Guid.NewGuid().ToString().ToUpperInvariant();
            using (var seed = connection.BeginTransaction())
            {
                foreach (var account in residents.Append(merchant))
                {
                    Exec(connection, $"INSERT INTO Balances VALUES ('{account}', {(account == merchant ? 0 : long.MaxValue / 128)})", seed);
                }

                seed.Commit();
            }

            var debit = Prepare(connection, "UPDATE Balances SET Amount = Amount - $a WHERE AccountId = $id AND Amount - $a >= 0", "$a", "$id");
            var credit = Prepare(connection, "UPDATE Balances SET Amount = Amount + $a WHERE AccountId = $id", "$a", "$id");
            var transfer = Prepare(connection, "INSERT INTO Transfers VALUES ($id, $from, $to, $a, $at)", "$id", "$from", "$to", "$a", "$at");
            var idempotency = Prepare(connection, "INSERT INTO IdempotencyRecords VALUES ($scope, $key, $json, $at)", "$scope", "$key", "$json", "$at");
            var count = 0L;
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed < duration)
            {
                using var tx = connection.BeginTransaction();
                foreach (var command in new[] { debit, credit, transfer, idempotency })
                {
                    command.Transaction = tx;
                }

                for (var i = 0; i < perTransaction; i++, count++)
                {
                    var resident = residents[count % residents.Length];
                    var at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
                    Run(debit, PaymentLoad.Amount, resident);
                    Run(credit, PaymentLoad.Amount, merchant);
                    Run(transfer, Guid.CreateVersion7().ToString().ToUpperInvariant(), resident, merchant, PaymentLoad.Amount, at);
                    Run(idempotency, IdempotencyScopes.User(Guid.Parse(resident)), $"raw-{count}", """{"paymentId":"x","amount":100}""", at);
                }

                tx.Commit();
            }

            var rate = count / stopwatch.Elapsed.TotalSeconds;
            foreach (var command in new[] { debit, credit, transfer, idempotency })
            {
                command.Dispose();
            }

            return rate;
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
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

        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"'{command.CommandText}' changed no row.");
        }
    }

    private static void Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
