using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Ledger.Seal;

/// <summary>
/// Chains every transfer not yet sealed into new blocks. <paramref name="MinAge"/> leaves the
/// newest transfers for the next run: on SQL Server an identity value can commit after a higher
/// one, and a block must never be sealed past a row that is still to appear.
/// </summary>
public sealed record SealLedgerCommand(TimeSpan MinAge, int MaxTransfersPerBlock = 10_000) : ICommand<SealResult>;

public sealed record SealResult(int BlocksAdded, long TransfersSealed, long? LastBlock);

internal sealed class SealLedgerHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<SealLedgerCommand, Result<SealResult>>
{
    public async Task<Result<SealResult>> Handle(SealLedgerCommand r, CancellationToken ct)
    {
        var last = await db.SealBlocks.AsNoTracking().OrderByDescending(b => b.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var number = last?.Number ?? 0;
        var previousHash = last?.Hash ?? SealHasher.GenesisHash;
        var after = last?.LastSequence ?? 0;
        var now = clock.GetUtcNow();
        var before = now.UtcDateTime - r.MinAge;

        var blocks = new List<SealBlock>();
        long sealedCount = 0;
        var batch = new List<Transfer>(Math.Min(r.MaxTransfersPerBlock, 10_000));
        await foreach (var transfer in TransferReader.ReadAsync(db, after, before, ct).ConfigureAwait(false))
        {
            batch.Add(transfer);
            if (batch.Count == r.MaxTransfersPerBlock)
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
        return new SealResult(blocks.Count, sealedCount, blocks.Count > 0 ? number : last?.Number);

        void Close()
        {
            using var hash = SealHasher.Begin(previousHash);
            foreach (var t in batch)
            {
                SealHasher.Append(hash, t);
            }

            var block = new SealBlock
            {
                Number = ++number,
                FirstSequence = after + 1,
                LastSequence = batch[^1].Sequence,
                TransferCount = batch.Count,
                PreviousHash = previousHash,
                Hash = SealHasher.Finish(hash),
                SealedAt = now.UtcDateTime,
            };
            blocks.Add(block);
            sealedCount += batch.Count;
            previousHash = block.Hash;
            after = block.LastSequence;
            batch.Clear();
        }
    }
}
