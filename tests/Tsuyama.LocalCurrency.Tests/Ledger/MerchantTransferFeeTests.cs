using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class MerchantTransferFeeTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private Guid _supplier;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync(transferFeeBps: 50);
        _supplier = await _host.RegisterMerchantAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A shop holding 7,000 smallBusiness and 3,000 general points of one program.</summary>
    private async Task<Guid> FundedShopAsync()
    {
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.MustAsync(new PayCommand(resident, shop, 10_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), _host.NextKey()));
        return shop;
    }

    private Task<MerchantTransferMade> TransferAsync(Guid from, long amount) =>
        _host.MustAsync(new TransferToMerchantCommand(from, _supplier, amount, IdempotencyScopes.Merchant(from), _host.NextKey()));

    [Theory]
    [InlineData(398)]    // 1.99 points of fee in one go, 0.995 in each half
    [InlineData(7_398)]  // the whole spans both kinds: 7,000 smallBusiness + 398 general
    [InlineData(9_999)]
    public async Task MerchantTransfer_SplitInTwoHalves_NeverPaysLessFeeThanTheWhole(long amount)
    {
        var whole = await TransferAsync(await FundedShopAsync(), amount);
        var splitter = await FundedShopAsync();
        var first = await TransferAsync(splitter, amount / 2);
        var second = await TransferAsync(splitter, amount - amount / 2);

        (first.Fee + second.Fee).Should().BeGreaterThanOrEqualTo(whole.Fee);
        whole.Fee.Should().Be((amount * 50 + 9_999) / 10_000, "the fee is computed once on the whole transfer, rounded up");
    }

    [Fact]
    public async Task MerchantTransfer_AcrossKinds_ChargesTheFeeOnceOnTheWholeAndAllocatesItToTheParts()
    {
        var shop = await FundedShopAsync();

        var made = await TransferAsync(shop, 7_199);

        // Per part it was 35 (7,000 smallBusiness) + 0 (199 general, 0.995 floored); on the whole 35.995 → 36.
        made.Fee.Should().Be(36);
        (await _host.BalanceAsync(_supplier)).Should().Be(7_199 - 36);
        (await _host.BalanceAsync(shop)).Should().Be(10_000 - 7_199);
        var fees = await _host.WithDbAsync(db => Task.FromResult(db.Transfers
            .Where(t => t.OperationId == made.TransferId && t.Type == TransferType.MerchantTransferFee).Select(t => new { t.Kind, t.Amount }).ToList()));
        fees.Sum(f => f.Amount).Should().Be(36);
    }
    [Fact]
    public async Task MerchantTransfer_WhenAPartIsAllFee_SendsThatPartToTheIssuerOnly()
    {
        var shop = await FundedShopAsync();

        // 7,000 smallBusiness at 0.5 % = 35 exactly; one general point more makes it 35.005 → 36,
        // so the general part (1 point) is charged 1 and nothing of it reaches the supplier.
        var made = await TransferAsync(shop, 7_001);

        made.Fee.Should().Be(36);
        var moved = await _host.WithDbAsync(db => Task.FromResult(db.Transfers.Where(t => t.OperationId == made.TransferId)
            .Select(t => new { t.Type, t.Kind, t.Amount }).ToList()));
        moved.Should().BeEquivalentTo([
            new { Type = TransferType.MerchantTransfer, Kind = PointKind.SmallBusiness, Amount = 6_965L },
            new { Type = TransferType.MerchantTransferFee, Kind = PointKind.SmallBusiness, Amount = 35L },
            new { Type = TransferType.MerchantTransferFee, Kind = PointKind.General, Amount = 1L },
        ]);
        (await _host.BalanceAsync(_supplier)).Should().Be(6_965);
        (await _host.BalanceAsync(shop)).Should().Be(10_000 - 7_001);
    }
}
