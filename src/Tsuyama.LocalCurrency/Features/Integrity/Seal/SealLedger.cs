using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Integrity.Seal;

/// <summary>
/// Chains transfers not yet sealed into new blocks: always a gap-free prefix of the sequence, so a
/// block never claims a range in which a row is still to appear. The prefix ends at the first
/// transfer younger than <paramref name="MinAge"/> (even if later ones look older: hosts' clocks
/// differ and CreatedAt is taken before lock waits) and, on SQL Server, before the first sequence
/// whose transaction has not committed yet; on PostgreSQL at the last one settled (SequenceBarrier).
/// </summary>
public sealed record SealLedgerCommand(TimeSpan MinAge, int MaxTransfersPerBlock = 10_000) : ICommand<SealResult>;

/// <param name="Head">The newest block's hash: keep it outside the database and check it with <c>verify --anchor</c>.</param>
public sealed record SealResult(int BlocksAdded, long TransfersSealed, long? LastBlock, string? Head);

internal sealed class SealLedgerHandler(LedgerDbContext db, TimeProvider clock, IOptions<SealOptions> options)
    : IRequestHandler<SealLedgerCommand, Result<SealResult>>
{
    public async Task<Result<SealResult>> Handle(SealLedgerCommand command, CancellationToken ct)
    {
        var last = await db.SealBlocks.AsNoTracking().OrderByDescending(b => b.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var number = last?.Number ?? 0;
        var previousHash = last?.Hash ?? SealHasher.GenesisHash;
        var after = last?.LastSequence ?? 0;
        var key = options.Value.LoadKey();
        var now = clock.GetUtcNow();
        var before = now.UtcDateTime - command.MinAge;

        var blocks = new List<SealBlock>();
        long sealedCount = 0;
        var batch = new List<Transfer>(Math.Min(command.MaxTransfersPerBlock, 10_000));
        var through = await CommittedPrefix.LastSequenceAsync(db, after, ct).ConfigureAwait(false)
            ?? await SequenceBarrier.LastSettledSequenceAsync(db, after, ct).ConfigureAwait(false);
        await foreach (var transfer in TransferReader.ReadAsync(db, after, through, ct).ConfigureAwait(false))
        {
            if (transfer.CreatedAt > before)
            {
                break;
            }

            batch.Add(transfer);
            if (batch.Count == command.MaxTransfersPerBlock)
            {
                Close();
            }
        }

        if (batch.Count > 0)
        {
            Close();
        }

        db.SealBlocks.AddRange(blocks);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new SealResult(blocks.Count, sealedCount, blocks.Count > 0 ? number : last?.Number, blocks.Count > 0 ? previousHash : last?.Hash);

        void Close()
        {
            using var hash = SealHasher.Begin(previousHash);
            foreach (var t in batch)
            {
                SealHasher.Append(hash, t);
            }

            var blockHash = SealHasher.Finish(hash);
            var block = new SealBlock
            {
                Number = ++number,
                FirstSequence = after + 1,
                LastSequence = batch[^1].Sequence,
                TransferCount = batch.Count,
                PreviousHash = previousHash,
                Hash = blockHash,
                SealedAt = now.UtcDateTime,
                Signature = key is null ? null : SealOptions.Sign(key, number, batch[^1].Sequence, blockHash),
            };
            blocks.Add(block);
            sealedCount += batch.Count;
            previousHash = block.Hash;
            after = block.LastSequence;
            batch.Clear();
        }
    }
}

/// <summary>
/// On SQL Server an identity value can commit after a higher one. The sealable prefix ends before
/// the first sequence that a dirty read sees but a read skipping locked rows does not (an insert
/// still in flight), and never goes past the highest sequence allocated when it was asked, since
/// a value allocated later may sit below one in flight. SQLite serialises writers and the sealing
/// transaction holds the write lock, so every row it sees is committed.
/// </summary>
internal static class CommittedPrefix
{
    public static async Task<long?> LastSequenceAsync(LedgerDbContext db, long after, CancellationToken ct)
    {
        if (!db.Database.IsSqlServer())
        {
            return null;
        }

        var allocated = await db.Database.SqlQuery<long?>(
            $"SELECT MAX(Sequence) AS Value FROM Transfers WITH (READUNCOMMITTED) WHERE Sequence > {after}").SingleAsync(ct).ConfigureAwait(false);
        if (allocated is null)
        {
            return after;
        }

        var firstInFlight = await db.Database.SqlQuery<long?>(
            $"""
            SELECT MIN(d.Sequence) AS Value FROM Transfers d WITH (READUNCOMMITTED)
            WHERE d.Sequence > {after} AND d.Sequence <= {allocated}
              AND NOT EXISTS (SELECT 1 FROM Transfers c WITH (READPAST) WHERE c.Sequence = d.Sequence)
            """).SingleAsync(ct).ConfigureAwait(false);
        return firstInFlight is null ? allocated : firstInFlight - 1;
    }
}
