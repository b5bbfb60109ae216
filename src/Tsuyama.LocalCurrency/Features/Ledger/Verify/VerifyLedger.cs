using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Ledger.Verify;

/// <summary>Checks every invariant of DESIGN §4 and the seal chain over one consistent snapshot.</summary>
public sealed record VerifyLedgerQuery : IQuery<VerifyReport>;

public sealed record VerifyReport(bool Ok, long Transfers, long SealedTransfers, int Blocks, long Accounts, long Lots, IReadOnlyList<string> Problems);

internal sealed class VerifyLedgerHandler(LedgerDbContext db) : IRequestHandler<VerifyLedgerQuery, Result<VerifyReport>>
{
    public async Task<Result<VerifyReport>> Handle(VerifyLedgerQuery request, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var verifier = new LedgerVerifier(db);
        return await verifier.RunAsync(ct).ConfigureAwait(false);
    }
}
