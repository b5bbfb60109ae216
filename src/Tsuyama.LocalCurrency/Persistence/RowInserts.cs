using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// Append-only rows written on every payment (transfers, the payment and its allocations, idempotency records) as
/// plain multi-row INSERTs, without change tracking: a profile of the payment path put a third of its CPU in EF's
/// SaveChanges for these rows, inside the single-writer section (docs/decisions/0024-group-commit.md).
/// Parameters still go through EF's type mappings, so values are stored exactly as EF stores them, on every provider
/// (through <see cref="WriterStatements"/>: prepared once on the group writer, EF's raw SQL elsewhere); identifiers are
/// double-quoted, which SQLite, SQL Server and PostgreSQL all accept.
/// These rows are never updated through a tracked entity in the same command, so nothing reads them back from the tracker.
/// </summary>
internal static class RowInserts
{
    /// <summary>Below SQL Server's 2,100 parameters per command.</summary>
    private const int MaxParameters = 2_000;

    private static readonly string[] TransferColumns =
        ["Id", "ProgramId", "Kind", "FromAccountId", "ToAccountId", "Amount", "Type", "OperationId", "CreatedAt"];
    private static readonly string[] PaymentColumns = ["Id", "ResidentId", "MerchantId", "Amount", "RefundedAmount", "Channel", "CreatedAt"];
    private static readonly string[] AllocationColumns = ["PaymentId", "Index", "LotId", "ProgramId", "Kind", "ExpiresOn", "Amount", "Refunded"];
    private static readonly string[] IdempotencyColumns = ["Scope", "Key", "RequestName", "RequestHash", "Succeeded", "OutcomeJson", "CreatedAt"];

    private static readonly ConcurrentDictionary<(string Table, int Rows), string> Statements = new();

    public static Task TransfersAsync(LedgerDbContext db, IReadOnlyList<Transfer> transfers, CancellationToken ct) =>
        InsertAsync(db, "Transfers", TransferColumns, transfers.Count,
            (i, row) => row.AddRange([transfers[i].Id, transfers[i].ProgramId, (int)transfers[i].Kind, transfers[i].FromAccountId, transfers[i].ToAccountId,
                transfers[i].Amount, (int)transfers[i].Type, transfers[i].OperationId, transfers[i].CreatedAt]), ct);

    /// <summary>The payment first: its allocations refer to it.</summary>
    public static async Task PaymentAsync(LedgerDbContext db, Payment payment, CancellationToken ct)
    {
        await InsertAsync(db, "Payments", PaymentColumns, 1,
            (_, row) => row.AddRange([payment.Id, payment.ResidentId, payment.MerchantId, payment.Amount, payment.RefundedAmount, (int)payment.Channel,
                payment.CreatedAt]), ct).ConfigureAwait(false);
        var allocations = payment.Allocations;
        await InsertAsync(db, "PaymentAllocations", AllocationColumns, allocations.Count,
            (i, row) => row.AddRange([allocations[i].PaymentId, allocations[i].Index, allocations[i].LotId, allocations[i].ProgramId, (int)allocations[i].Kind,
                allocations[i].ExpiresOn, allocations[i].Amount, allocations[i].Refunded]), ct).ConfigureAwait(false);
    }

    public static Task IdempotencyRecordAsync(LedgerDbContext db, IdempotencyRecord r, CancellationToken ct) =>
        InsertAsync(db, "IdempotencyRecords", IdempotencyColumns, 1,
            (_, row) => row.AddRange([r.Scope, r.Key, r.RequestName, r.RequestHash, r.Succeeded, r.OutcomeJson, r.CreatedAt]), ct);

    private static async Task InsertAsync(LedgerDbContext db, string table, string[] columns, int count, Action<int, List<object?>> values,
        CancellationToken ct)
    {
        var perStatement = MaxParameters / columns.Length;
        for (var first = 0; first < count; first += perStatement)
        {
            var rows = Math.Min(perStatement, count - first);
            var parameters = new List<object?>(rows * columns.Length);
            for (var i = first; i < first + rows; i++)
            {
                values(i, parameters);
            }

            await WriterStatements.ExecuteAsync(db, Statements.GetOrAdd((table, rows), k => Sql(k.Table, columns, k.Rows)), parameters, ct)
                .ConfigureAwait(false);
        }
    }

    private static string Sql(string table, string[] columns, int rows)
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (").AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? "{" : ", {").Append((r * columns.Length) + c).Append('}');
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
