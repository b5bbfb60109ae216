using MediatR;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Integrity.Verify;

/// <summary>Checks every invariant of DESIGN §4 and the seal chain over one consistent snapshot.</summary>
/// <param name="Anchor">A head hash kept outside the database (printed by <c>seal</c>, written by the job): the chain must reach it.</param>
public sealed record VerifyLedgerQuery(string? Anchor = null) : IQuery<VerifyReport>;

/// <param name="Head">The newest seal block's hash, to keep as the next anchor.</param>
/// <param name="Signed">Whether the blocks' signatures were checked (a seal key is configured).</param>
public sealed record VerifyReport(bool Ok, long Transfers, long SealedTransfers, int Blocks, long Accounts, long Lots, IReadOnlyList<string> Problems,
    string? Head = null, bool Signed = false);

internal sealed class VerifyLedgerValidator : IValidator<VerifyLedgerQuery>
{
    public void Validate(VerifyLedgerQuery r, ValidationErrors e) =>
        e.Require(r.Anchor is null || (r.Anchor.Length == 64 && r.Anchor.All(char.IsAsciiHexDigit)), "anchor", "must be a block hash: 64 hex digits");
}

internal sealed class VerifyLedgerHandler(LedgerDbContext db, IOptions<SealOptions> options) : IRequestHandler<VerifyLedgerQuery, Result<VerifyReport>>
{
    public async Task<Result<VerifyReport>> Handle(VerifyLedgerQuery request, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var verifier = new LedgerVerifier(db, options.Value.LoadKey(), request.Anchor);
        return await verifier.RunAsync(ct).ConfigureAwait(false);
    }
}
