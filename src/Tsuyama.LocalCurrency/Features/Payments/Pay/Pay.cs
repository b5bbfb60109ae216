using MediatR;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Live;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Payments.Pay;

/// <summary>A resident pays a known merchant from their wallet (counter, CLI, demo data).</summary>
public sealed record PayCommand(Guid ResidentId, Guid MerchantId, long Amount, PaymentChannel Channel, string Caller, string? IdempotencyKey)
    : ICommand<PaymentMade>, IIdempotentCommand, IGroupCommit
{
    public string IdempotencyScope => Caller;
}

public sealed record PaymentPart(string ProgramCode, PointKind Kind, long Points);

public sealed record PaymentMade(Guid PaymentId, Guid MerchantId, long Amount, IReadOnlyList<PaymentPart> Breakdown)
{
    /// <summary>受付番号 shown on the completion screen and on the shop's screen (<see cref="PaymentDisplayNumber"/>).</summary>
    public string DisplayNumber => PaymentDisplayNumber.Of(PaymentId);
}

internal sealed class PayValidator(IOptions<LedgerOptions> options) : IValidator<PayCommand>
{
    public void Validate(PayCommand r, ValidationErrors e) => e.Amount(r.Amount, options.Value);
}

internal sealed class PayHandler(LedgerDbContext db, TimeProvider clock, LivePublisher live) : IRequestHandler<PayCommand, Result<PaymentMade>>
{
    public Task<Result<PaymentMade>> Handle(PayCommand command, CancellationToken ct) =>
        PaymentPoster.PostAsync(db, clock, live, command.ResidentId, command.MerchantId, command.Amount, command.Channel, ct);
}
