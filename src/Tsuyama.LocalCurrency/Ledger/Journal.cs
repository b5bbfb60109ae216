using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Ledger;

/// <summary>
/// Collects the transfers of one command and applies them: balances change only here, by
/// conditional atomic updates in a fixed key order (so concurrent SQL Server transactions lock
/// rows in the same order), and the transfers are appended in the same transaction.
/// </summary>
internal sealed class Journal(LedgerDbContext db, TimeProvider clock)
{
    private readonly List<Transfer> _transfers = [];
    private readonly HashSet<Guid> _mayGoNegative = [];

    /// <summary>Records a transfer; the issuer account is the only one allowed below zero.</summary>
    public void Post(Guid programId, PointKind kind, Guid from, Guid to, long amount, TransferType type, Guid operationId, bool fromIsIssuer = false)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A transfer moves a positive amount.");
        }

        if (fromIsIssuer)
        {
            _mayGoNegative.Add(from);
        }

        var now = clock.GetUtcNow();
        _transfers.Add(new Transfer
        {
            Id = Guid.CreateVersion7(now),
            ProgramId = programId,
            Kind = kind,
            FromAccountId = from,
            ToAccountId = to,
            Amount = amount,
            Type = type,
            OperationId = operationId,
            CreatedAt = now.UtcDateTime,
        });
    }

    /// <summary>
    /// Applies the net effect on every balance. Returns a refusal if a debit would take a balance
    /// below zero; the caller's transaction is then rolled back, so nothing is half-applied.
    /// The transfers are appended right away, in the caller's transaction (see <see cref="RowInserts"/>).
    /// </summary>
    public async Task<Error?> ApplyAsync(CancellationToken ct)
    {
        var deltas = new SortedDictionary<(Guid Account, Guid Program, PointKind Kind), long>();
        foreach (var t in _transfers)
        {
            Add(deltas, (t.FromAccountId, t.ProgramId, t.Kind), -t.Amount);
            Add(deltas, (t.ToAccountId, t.ProgramId, t.Kind), t.Amount);
        }

        if (_transfers.Count > 0)
        {
            // Before the balance rows are locked, so a writer never holds them while queuing behind the sealer.
            await SequenceBarrier.EnterWriterAsync(db, ct).ConfigureAwait(false);
        }

        foreach (var ((account, program, kind), delta) in deltas)
        {
            if (delta == 0)
            {
                continue;
            }

            var guarded = delta < 0 && !_mayGoNegative.Contains(account);
            var k = (int)kind;
            // Plain parameterised SQL, the same on every provider (quoted names: PostgreSQL folds bare ones
            // to lower case): this runs for every balance of every payment, and LINQ translation would cost
            // more than the statement.
            var updated = guarded
                ? await WriterStatements.ExecuteAsync(db,
                    $"""
                     UPDATE "Balances" SET "Amount" = "Amount" + {delta}
                     WHERE "AccountId" = {account} AND "ProgramId" = {program} AND "Kind" = {k} AND "Amount" + {delta} >= 0
                     """,
                    ct).ConfigureAwait(false)
                : await WriterStatements.ExecuteAsync(db,
                    $"""UPDATE "Balances" SET "Amount" = "Amount" + {delta} WHERE "AccountId" = {account} AND "ProgramId" = {program} AND "Kind" = {k}""",
                    ct).ConfigureAwait(false);
            if (updated == 1)
            {
                continue;
            }

            if (guarded)
            {
                var available = await db.Balances
                    .Where(b => b.AccountId == account && b.ProgramId == program && b.Kind == kind)
                    .Select(b => (long?)b.Amount).FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? 0;
                return Error.InsufficientBalance(available, -delta);
            }

            db.Balances.Add(new Balance { AccountId = account, ProgramId = program, Kind = kind, Amount = delta });
        }

        await RowInserts.TransfersAsync(db, _transfers, ct).ConfigureAwait(false);
        return null;
    }

    private static void Add(SortedDictionary<(Guid, Guid, PointKind), long> deltas, (Guid, Guid, PointKind) key, long amount) =>
        deltas[key] = checked(deltas.GetValueOrDefault(key) + amount);
}

/// <summary>Lots are consumed with the same guard: the row must still hold what was read.</summary>
internal static class LotUpdates
{
    public static async Task ConsumeAsync(this LedgerDbContext db, Guid lotId, long amount, CancellationToken ct)
    {
        var updated = await WriterStatements.ExecuteAsync(db,
            $"""UPDATE "Lots" SET "Remaining" = "Remaining" - {amount} WHERE "Id" = {lotId} AND "Remaining" >= {amount}""", ct).ConfigureAwait(false);
        if (updated != 1)
        {
            throw new ConcurrencyConflictException($"Lot {lotId} changed while it was being spent.");
        }
    }
}
