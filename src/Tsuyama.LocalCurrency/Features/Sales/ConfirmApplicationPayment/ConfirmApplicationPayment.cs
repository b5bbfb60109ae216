using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.ConfirmApplicationPayment;

/// <summary>
/// Counter or Admin staff record the yen received for an allocated application; its points are
/// issued exactly once (a second confirmation is refused with 409 already-paid).
/// </summary>
public sealed record ConfirmApplicationPaymentCommand(Guid ApplicationId, long PaidYen, string PaymentMethod, string? Note, string Actor,
    string? IdempotencyKey) : ICommand<PointsPurchased>, IIdempotentCommand
{
    public string IdempotencyScope => Actor;
}

internal sealed class ConfirmApplicationPaymentValidator : IValidator<ConfirmApplicationPaymentCommand>
{
    public void Validate(ConfirmApplicationPaymentCommand r, ValidationErrors e) => CounterPayment.Validate(e, r.PaidYen, r.PaymentMethod, r.Note);
}

internal sealed class ConfirmApplicationPaymentHandler(LedgerDbContext db, TimeProvider clock)
    : IRequestHandler<ConfirmApplicationPaymentCommand, Result<PointsPurchased>>
{
    public Task<Result<PointsPurchased>> Handle(ConfirmApplicationPaymentCommand command, CancellationToken ct) =>
        ApplicationPayment.ConfirmAsync(db, clock, command.ApplicationId,
            new PaymentReceipt(command.PaidYen, PurchaseChannel.Counter, command.PaymentMethod, command.Note,
            command.Actor), ct);
}
