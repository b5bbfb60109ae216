using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Ledger;

/// <summary>
/// Streams transfers in sequence order straight from a data reader: verify and sealing walk the
/// whole history, and tracked entities would cost memory and time for nothing.
/// </summary>
internal static class TransferReader
{
    /// <param name="throughSequence">The last sequence to read; null reads to the end.</param>
    public static async IAsyncEnumerable<Transfer> ReadAsync(LedgerDbContext db, long afterSequence,
        long? throughSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = 600;
            command.CommandText =
                """SELECT "Sequence", "Id", "ProgramId", "Kind", "FromAccountId", "ToAccountId", "Amount", "Type", "OperationId", "CreatedAt" """ +
                """FROM "Transfers" """ +
                """WHERE "Sequence" > @after""" + (throughSequence is null ? "" : """ AND "Sequence" <= @through""") + """ ORDER BY "Sequence" """;
            AddParameter(command, "@after", afterSequence);
            if (throughSequence is not null)
            {
                AddParameter(command, "@through", throughSequence.Value);
            }

            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                yield return new Transfer
                {
                    Sequence = reader.GetInt64(0),
                    Id = reader.GetGuid(1),
                    ProgramId = reader.GetGuid(2),
                    Kind = (PointKind)reader.GetInt32(3),
                    FromAccountId = reader.GetGuid(4),
                    ToAccountId = reader.GetGuid(5),
                    Amount = reader.GetInt64(6),
                    Type = (TransferType)reader.GetInt32(7),
                    OperationId = reader.GetGuid(8),
                    CreatedAt = DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc),
                };
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
