using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.SetMerchantSuspension;

/// <summary>
/// An Admin suspends a shop (it receives no payments: PaymentPoster refuses them) or reactivates it.
/// Its balance stays and is still settled: the points it already received are the city's debt to it.
/// </summary>
public sealed record SetMerchantSuspensionCommand(Guid MerchantId, bool Suspended) : ICommand<MerchantSuspension>;

public sealed record MerchantSuspension(Guid MerchantId, bool Suspended);

internal sealed class SetMerchantSuspensionHandler(LedgerDbContext db, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<SetMerchantSuspensionCommand, Result<MerchantSuspension>>
{
    public async Task<Result<MerchantSuspension>> Handle(SetMerchantSuspensionCommand command, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, command.Suspended ? "suspend a shop" : "reactivate a shop") is { } denied)
        {
            return denied;
        }

        DateTime? at = command.Suspended ? clock.GetUtcNow().UtcDateTime : null;
        // Suspending twice keeps the first instant: the shop has been suspended since then.
        var updated = command.Suspended
            ? await db.Merchants.Where(m => m.Id == command.MerchantId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SuspendedAt, m => m.SuspendedAt ?? at), ct).ConfigureAwait(false)
            : await db.Merchants.Where(m => m.Id == command.MerchantId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SuspendedAt, (DateTime?)null), ct).ConfigureAwait(false);
        return updated == 0 ? Error.NotFound("Merchant", command.MerchantId) : new MerchantSuspension(command.MerchantId, command.Suspended);
    }
}
