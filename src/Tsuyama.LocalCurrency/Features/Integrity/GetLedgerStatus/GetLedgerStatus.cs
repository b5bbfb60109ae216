using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Integrity.CheckLedger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Integrity.GetLedgerStatus;

/// <summary>What the console shows about tamper evidence: the last check's outcome, the newest seal block, transfers not sealed yet.</summary>
public sealed record GetLedgerStatusQuery : IQuery<LedgerStatus>;

public sealed record LedgerStatus(LedgerCheckView? LastCheck, SealBlockView? LastBlock, long Transfers, long UnsealedTransfers);

public sealed record SealBlockView(long Number, long FirstSequence, long LastSequence, int TransferCount, string Hash, string PreviousHash, DateTime SealedAt,
    bool Signed);

internal sealed class GetLedgerStatusHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<GetLedgerStatusQuery, Result<LedgerStatus>>
{
    public async Task<Result<LedgerStatus>> Handle(GetLedgerStatusQuery query, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "see the ledger checks") is { } refused)
        {
            return refused;
        }

        var check = await db.LedgerChecks.AsNoTracking().OrderByDescending(c => c.CheckedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var block = await db.SealBlocks.AsNoTracking().OrderByDescending(b => b.Number)
            .Select(b => new SealBlockView(b.Number, b.FirstSequence, b.LastSequence, b.TransferCount, b.Hash, b.PreviousHash, b.SealedAt, b.Signature != null))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var transfers = await db.Transfers.LongCountAsync(ct).ConfigureAwait(false);
        var lastSealed = block?.LastSequence ?? 0;
        var unsealed = await db.Transfers.LongCountAsync(t => t.Sequence > lastSealed, ct).ConfigureAwait(false);
        return new LedgerStatus(check is null ? null : LedgerCheckView.Of(check), block, transfers, unsealed);
    }
}
