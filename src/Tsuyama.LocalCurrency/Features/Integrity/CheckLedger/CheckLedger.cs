using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Persistence.Configurations;

namespace Tsuyama.LocalCurrency.Features.Integrity.CheckLedger;

/// <summary>
/// The console's "verify now": runs the full verification (<see cref="VerifyLedgerQuery"/>, over its
/// own read snapshot) and keeps the outcome as a <see cref="LedgerCheck"/>. Not itself a transaction:
/// the snapshot must not sit inside the write transaction, so the outcome is written by a second,
/// transactional command once the check is over. A failed check is a result, not a refusal.
/// </summary>
public sealed record CheckLedgerCommand(string CheckedBy) : IRequest<Result<LedgerCheckView>>;

public sealed record LedgerCheckView(DateTime CheckedAt, bool Ok, long Transfers, long SealedTransfers, int Blocks, int ProblemCount,
    IReadOnlyList<string> Problems, string? Head, bool Signed, string CheckedBy)
{
    internal static LedgerCheckView Of(LedgerCheck c) =>
        new(c.CheckedAt, c.Ok, c.Transfers, c.SealedTransfers, c.Blocks, c.ProblemCount,
            c.Problems.Length == 0 ? [] : c.Problems.Split('\n'), c.Head, c.Signed, c.CheckedBy);
}

/// <summary>Writes one check's outcome (and, through the audit behaviour, who ran it).</summary>
public sealed record RecordLedgerCheckCommand(VerifyReport Report, string CheckedBy) : ICommand<LedgerCheckView>;

internal sealed class CheckLedgerValidator : IValidator<CheckLedgerCommand>
{
    public void Validate(CheckLedgerCommand r, ValidationErrors e) => e.NotBlank(r.CheckedBy, "checkedBy", 256);
}

internal sealed class RecordLedgerCheckValidator : IValidator<RecordLedgerCheckCommand>
{
    public void Validate(RecordLedgerCheckCommand r, ValidationErrors e) =>
        e.Require(r.Report is not null, "report", "is required").NotBlank(r.CheckedBy, "checkedBy", 256);
}

internal sealed class CheckLedgerHandler(IMediator sender, ICurrentActor actor) : IRequestHandler<CheckLedgerCommand, Result<LedgerCheckView>>
{
    public async Task<Result<LedgerCheckView>> Handle(CheckLedgerCommand command, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "verify the ledger") is { } refused)
        {
            return refused;
        }

        var report = await sender.Send(new VerifyLedgerQuery(), ct).ConfigureAwait(false);
        return report.IsSuccess ? await sender.Send(new RecordLedgerCheckCommand(report.Value, command.CheckedBy), ct).ConfigureAwait(false) : report.Error;
    }
}

internal sealed class RecordLedgerCheckHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<RecordLedgerCheckCommand, Result<LedgerCheckView>>
{
    public async Task<Result<LedgerCheckView>> Handle(RecordLedgerCheckCommand command, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "verify the ledger") is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var problems = string.Join('\n', command.Report.Problems);
        var check = new LedgerCheck
        {
            Id = Guid.CreateVersion7(now),
            CheckedAt = now.UtcDateTime,
            Ok = command.Report.Ok,
            Transfers = command.Report.Transfers,
            SealedTransfers = command.Report.SealedTransfers,
            Blocks = command.Report.Blocks,
            ProblemCount = command.Report.Problems.Count,
            Problems = problems.Length <= LedgerCheckConfiguration.ProblemsLength ? problems : problems[..(LedgerCheckConfiguration.ProblemsLength - 1)] + "…",
            Head = command.Report.Head,
            Signed = command.Report.Signed,
            CheckedBy = command.CheckedBy,
        };
        db.LedgerChecks.Add(check);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return LedgerCheckView.Of(check);
    }
}
