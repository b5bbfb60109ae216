using Microsoft.Data.Sqlite;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>
/// After the load: the ledger must have moved exactly what the clients saw succeed. A request that got no answer
/// (in flight when it timed out or the connection broke) may have committed or not, so it widens the tolerance by one payment.
/// </summary>
internal static class LedgerCheck
{
    public static IReadOnlyList<string> Problems(string databasePath, Guid merchantId, LoadResult load)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        // One read transaction: the three sums come from the same committed state even while dropped requests still commit.
        using var snapshot = connection.BeginTransaction(deferred: true);
        var merchant = merchantId.ToString().ToUpperInvariant();
        var (payments, paid) = Pair(connection, snapshot, "SELECT COUNT(*), COALESCE(SUM(Amount), 0) FROM Payments WHERE MerchantId = $m", merchant);
        var (_, credited) = Pair(connection, snapshot, "SELECT COUNT(*), COALESCE(SUM(Amount), 0) FROM Balances WHERE AccountId = $m", merchant);
        var (_, transferred) = Pair(connection, snapshot,
            "SELECT COUNT(*), COALESCE(SUM(Amount), 0) FROM Transfers WHERE ToAccountId = $m AND Type = 1", merchant);
        var problems = new List<string>();
        if (payments < load.Created || payments > load.Created + load.Unknown)
        {
            problems.Add($"{payments:N0} payments in the ledger, clients saw {load.Created:N0} succeed and {load.Unknown:N0} unanswered");
        }

        if (paid < load.CreatedPoints || paid > load.CreatedPoints + (load.Unknown * PaymentLoad.Amount))
        {
            problems.Add($"{paid:N0} points paid in the ledger, clients saw {load.CreatedPoints:N0} ({load.Unknown:N0} unanswered)");
        }

        if (credited != paid || transferred != paid)
        {
            problems.Add($"the shop's balance {credited:N0} and its payment transfers {transferred:N0} differ from its payments {paid:N0}");
        }

        return problems;
    }

    private static (long Count, long Sum) Pair(SqliteConnection connection, SqliteTransaction snapshot, string sql, string merchant)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$m", merchant);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
