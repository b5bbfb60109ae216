using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class VerifyTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync();
        var shop = await _host.RegisterMerchantAsync();
        for (var i = 0; i < 3; i++)
        {
            var resident = await _host.RegisterResidentAsync();
            await _host.BuyAsync(resident);
            var paid = await _host.MustAsync(new PayCommand(resident, shop, 2_500, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), _host.NextKey()));
            await _host.MustAsync(new RefundPaymentCommand(shop, paid.PaymentId, 500, IdempotencyScopes.Merchant(shop), _host.NextKey()));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<VerifyReport> VerifyAsync() => _host.MustAsync(new VerifyLedgerQuery());

    private Task SealAsync() => _host.MustAsync(new SealLedgerCommand(TimeSpan.Zero));

    [Fact]
    public async Task Verify_OnAnUntouchedLedger_ReportsOk()
    {
        await SealAsync();

        var report = await VerifyAsync();

        report.Ok.Should().BeTrue(because: string.Join("; ", report.Problems));
        report.Transfers.Should().Be(report.SealedTransfers).And.BeGreaterThan(0);
    }

    [Fact]
    public async Task Verify_WhenASealedTransferAmountWasEditedByHand_ReportsTheBrokenSeal()
    {
        await SealAsync();
        await _host.ExecuteSqlAsync("UPDATE Transfers SET Amount = Amount + 1 WHERE Sequence = 4");

        var report = await VerifyAsync();

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains("does not match its hash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WhenASealedTransferWasDeleted_ReportsIt()
    {
        await SealAsync();
        await _host.ExecuteSqlAsync("DELETE FROM Transfers WHERE Sequence = 2");

        var report = await VerifyAsync();

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains("transfer was deleted or inserted", StringComparison.Ordinal));
        report.Problems.Should().Contain(p => p.Contains("but its transfers sum to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WhenAnUnsealedTransferWasEditedByHand_ReportsTheBalanceMismatch()
    {
        await _host.ExecuteSqlAsync("UPDATE Transfers SET Amount = Amount - 1 WHERE Sequence = (SELECT MAX(Sequence) FROM Transfers)");

        var report = await VerifyAsync();

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains("but its transfers sum to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WhenABalanceNoLongerMatchesItsTransfers_ReportsIt()
    {
        await SealAsync();
        await _host.ExecuteSqlAsync("UPDATE Balances SET Amount = Amount + 100 WHERE rowid = (SELECT MIN(rowid) FROM Balances)");

        var report = await VerifyAsync();

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains("but its transfers sum to", StringComparison.Ordinal));
        report.Problems.Should().Contain(p => p.Contains("not zero", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WhenALotNoLongerMatchesTheResidentBalance_ReportsIt()
    {
        await _host.ExecuteSqlAsync("UPDATE Lots SET Remaining = Remaining - 1 WHERE rowid = (SELECT MIN(rowid) FROM Lots WHERE Remaining > 0)");

        var report = await VerifyAsync();

        report.Problems.Should().Contain(p => p.Contains("remaining amounts of their lots", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WhenASealBlockWasRewritten_ReportsTheBrokenChain()
    {
        await SealAsync();
        await _host.ExecuteSqlAsync("UPDATE SealBlocks SET PreviousHash = 'ab' || substr(PreviousHash, 3)");

        var report = await VerifyAsync();

        report.Problems.Should().Contain(p => p.Contains("does not link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seal_RunTwice_AddsNoEmptyBlocksAndChainsNewTransfers()
    {
        await SealAsync();
        var second = await _host.MustAsync(new SealLedgerCommand(TimeSpan.Zero));
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);
        var third = await _host.MustAsync(new SealLedgerCommand(TimeSpan.Zero));

        second.BlocksAdded.Should().Be(0);
        third.BlocksAdded.Should().Be(1);
        third.LastBlock.Should().Be(2);
        (await VerifyAsync()).Ok.Should().BeTrue();
    }
}
