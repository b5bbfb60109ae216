using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;

/// <summary>
/// A walk-in sale in a first-come program: Counter or Admin staff record the yen received from a
/// verified resident, and the points are issued. Lottery programs sell to their winners only.
/// </summary>
/// <remarks>
/// Who may buy for whom (one rule for the API, the counter pages and the CLI): only the counter
/// (Counter or Admin, or the operator at the console) records a sale, for the resident it names;
/// a resident never buys points for anyone, themselves included: they apply (ApplyCommand).
/// </remarks>
/// <param name="ResidentId">The resident the points go to; required.</param>
/// <param name="Actor">Who confirmed the payment, e.g. "user:{staff id}"; also the idempotency scope.</param>
public sealed record RecordCounterSaleCommand(Guid? ResidentId, string ProgramCode, int Units, long PaidYen, string PaymentMethod, string? Note,
    string Actor, string? IdempotencyKey) : ICommand<PointsPurchased>, IIdempotentCommand
{
    public string IdempotencyScope => Actor;
}

internal sealed class RecordCounterSaleValidator : IValidator<RecordCounterSaleCommand>
{
    public void Validate(RecordCounterSaleCommand r, ValidationErrors e)
    {
        e.Require(r.ResidentId is { } id && id != Guid.Empty, "residentId", "is required");
        e.NotBlank(r.ProgramCode, "programCode", 32);
        e.Positive(r.Units, "units", 10_000);
        CounterPayment.Validate(e, r.PaidYen, r.PaymentMethod, r.Note);
    }
}

internal sealed class RecordCounterSaleHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<RecordCounterSaleCommand, Result<PointsPurchased>>
{
    public async Task<Result<PointsPurchased>> Handle(RecordCounterSaleCommand command, CancellationToken ct)
    {
        if (actor.Current is { } caller && !caller.Roles.Contains(Roles.Counter) && !caller.Roles.Contains(Roles.Admin))
        {
            return Error.Forbidden("Only the counter records a sale; a resident applies for points (POST /api/v1/programs/{code}/applications).");
        }

        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == command.ProgramCode, ct).ConfigureAwait(false);
        if (program is null)
        {
            return Error.NotFound("Program", command.ProgramCode);
        }

        if (await db.ProgramSales.AnyAsync(s => s.ProgramId == program.Id && s.Rule == AllocationRule.Lottery, ct).ConfigureAwait(false))
        {
            return Error.Rule(ProblemTypes.LotteryOnly, "抽選販売です / Sold by lottery",
                $"Program '{program.Code}' is sold by lottery: confirm the payment of a winning application instead.");
        }

        var receipt = new PaymentReceipt(command.PaidYen, PurchaseChannel.Counter, command.PaymentMethod, command.Note, command.Actor);
        return await PurchaseIssuer.IssueAsync(db, clock, program, command.ResidentId!.Value, command.Units, receipt, null, ct).ConfigureAwait(false);
    }
}
