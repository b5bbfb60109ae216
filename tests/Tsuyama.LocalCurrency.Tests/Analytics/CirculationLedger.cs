using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Analytics;

/// <summary>Builds ledger activity for the circulation tests through the real commands.</summary>
internal sealed class CirculationLedger(LedgerTestHost host)
{
    public LedgerTestHost Host { get; } = host;

    public async Task<Guid> ResidentWithUnitsAsync(int units)
    {
        var resident = await Host.RegisterResidentAsync();
        await Host.BuyAsync(resident, units: units);
        return resident;
    }

    public async Task<List<Guid>> MerchantsAsync(int count, string category, MerchantSize size = MerchantSize.Small)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Host.RegisterMerchantAsync(category, size));
        }

        return ids;
    }

    public async Task<Guid> PayAsync(Guid resident, Guid merchant, long amount) =>
        (await Host.MustAsync(new PayCommand(resident, merchant, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), Host.NextKey()))).PaymentId;

    public Task RefundAsync(Guid merchant, Guid payment, long amount) =>
        Host.MustAsync(new RefundPaymentCommand(merchant, payment, amount, IdempotencyScopes.Merchant(merchant), Host.NextKey()));

    public Task TransferAsync(Guid from, Guid to, long amount) =>
        Host.MustAsync(new TransferToMerchantCommand(from, to, amount, IdempotencyScopes.Merchant(from), Host.NextKey()));

    /// <summary>
    /// No settlement use case posts redemptions yet, so the test appends the transfer a settlement
    /// would post; the circulation report reads transfers only.
    /// </summary>
    public Task RedeemAsync(Guid merchant, long amount, string programCode = "P1") =>
        Host.WithDbAsync(async db =>
        {
            var program = db.Programs.Single(p => p.Code == programCode);
            var now = Host.Clock.GetUtcNow();
            db.Transfers.Add(new Transfer
            {
                Id = Guid.CreateVersion7(now),
                ProgramId = program.Id,
                Kind = PointKind.General,
                FromAccountId = merchant,
                ToAccountId = program.RedeemedAccountId,
                Amount = amount,
                Type = TransferType.Redemption,
                OperationId = Guid.CreateVersion7(now),
                CreatedAt = now.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
}
