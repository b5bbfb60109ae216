using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>verify reconciles every business record with the journal: an edited record is caught even where no balance moves.</summary>
public sealed class VerifyReconciliationTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync();
        var shop = await _host.RegisterMerchantAsync();
        var supplier = await _host.RegisterMerchantAsync();
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);
        var paid = await _host.MustAsync(new PayCommand(resident, shop, 9_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), _host.NextKey()));
        await _host.MustAsync(new RefundPaymentCommand(shop, paid.PaymentId, 500, IdempotencyScopes.Merchant(shop), _host.NextKey()));
        await _host.MustAsync(new TransferToMerchantCommand(shop, supplier, 2_000, IdempotencyScopes.Merchant(shop), _host.NextKey()));
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.MustAsync(new RunSettlementCommand(JapanTime.DateOf(LedgerTestHost.Start), "admin:test"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<VerifyReport> VerifyAsync() => _host.MustAsync(new VerifyLedgerQuery());

    [Fact]
    public async Task Verify_OnUntouchedRecords_ReportsOk()
    {
        var report = await VerifyAsync();

        report.Ok.Should().BeTrue(because: string.Join("; ", report.Problems));
    }

    [Theory]
    [InlineData("UPDATE MerchantTransfers SET Fee = Fee + 5", "Merchant transfer")]
    [InlineData("UPDATE MerchantTransfers SET Amount = Amount - 100", "Merchant transfer")]
    [InlineData("UPDATE Payments SET Amount = Amount + 1", "Payment")]
    [InlineData("UPDATE Payments SET RefundedAmount = 0", "Payment")]
    [InlineData("UPDATE PaymentAllocations SET Amount = Amount + 1 WHERE \"Index\" = 0", "Payment")]
    [InlineData("UPDATE Refunds SET Amount = Amount + 100", "Refund")]
    [InlineData("UPDATE Purchases SET GeneralPoints = GeneralPoints + 1000", "Purchase")]
    [InlineData("UPDATE SettlementLines SET Points = Points + 10, PayoutYen = PayoutYen + 10", "Settlement")]
    [InlineData("UPDATE Settlements SET PayoutYen = PayoutYen + 1", "Settlement")]
    [InlineData("DELETE FROM Refunds", "Refund")]
    public async Task Verify_WhenABusinessRecordWasEditedByHand_ReportsTheMismatchWithTheJournal(string sql, string what)
    {
        await _host.ExecuteSqlAsync(sql);

        var report = await VerifyAsync();

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.StartsWith(what, StringComparison.Ordinal), string.Join("; ", report.Problems));
    }

    // The journal side of the same reconciliations: transfers moved to another operation or party, and the
    // allocation and settlement-line figures the checks above do not touch on their own.
    [Theory]
    [InlineData("UPDATE Transfers SET OperationId = '00000000-0000-0000-0000-000000000009' WHERE Type = 1", "names no payment (operation id)")]
    [InlineData("UPDATE Transfers SET OperationId = '00000000-0000-0000-0000-000000000009' WHERE Type = 1",
        "does not match its transfers, allocations or refunds")]
    [InlineData("UPDATE Transfers SET OperationId = '00000000-0000-0000-0000-000000000009' WHERE Type = 2", "names no refund (operation id)")]
    [InlineData("UPDATE Transfers SET OperationId = '00000000-0000-0000-0000-000000000009' WHERE Type = 3", "names no merchant transfer (operation id)")]
    [InlineData("UPDATE Transfers SET OperationId = '00000000-0000-0000-0000-000000000009' WHERE Type = 5", "names no settlement (operation id)")]
    [InlineData("UPDATE Transfers SET ToAccountId = (SELECT ToAccountId FROM Transfers WHERE Type = 3) WHERE Type = 1",
        "does not match its transfers, allocations or refunds")]
    [InlineData("UPDATE PaymentAllocations SET Refunded = 0", "does not match its transfers, allocations or refunds")]
    [InlineData("UPDATE SettlementLines SET Points = Points + 10, PayoutYen = PayoutYen + 10", "does not match its redemption transfers")]
    [InlineData("UPDATE Transfers SET FromAccountId = (SELECT ToAccountId FROM Transfers WHERE Type = 3) WHERE Type = 5",
        "does not match its redemption transfers")]
    public async Task Verify_WhenAJournalEntryWasMovedByHand_ReportsTheRecordItNoLongerMatches(string sql, string expected)
    {
        await _host.ExecuteSqlAsync(sql);

        var report = await VerifyAsync();

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains(expected, StringComparison.Ordinal), string.Join("; ", report.Problems));
    }
}
