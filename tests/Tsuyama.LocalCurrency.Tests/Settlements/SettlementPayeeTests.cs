using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementZengin;
using Tsuyama.LocalCurrency.Payouts.Zengin;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Settlements;

public sealed class SettlementPayeeTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync(redemptionFeeBps: 150);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Zengin_WhenTheShopsBankDetailsChangeAfterSettlement_StillPaysTheAccountFrozenAtSettlement()
    {
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, 5_000);
        _host.SetJst(Day1.AddDays(1), 9);
        var done = await _host.MustAsync(Settle(Day1));
        var before = await _host.MustAsync(new GetSettlementZenginQuery(done.SettlementId));

        await _host.WithDbAsync(db => db.Merchants.Where(m => m.Id == shop).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Payout.BankCode, "0001").SetProperty(m => m.Payout.AccountNumber, "7654321")
            .SetProperty(m => m.Payout.HolderKana, "ｻｷﾞ")));
        var after = await _host.MustAsync(new GetSettlementZenginQuery(done.SettlementId));

        after.Content.Should().Equal(before.Content, "an issued bank file is built only from what the settlement froze");
        var record = ZenginFileReader.Parse(after.Content).Records.Should().ContainSingle().Subject;
        record.BankNumber.Should().Be("0168");
        record.AccountNumber.Should().Be("1234567");
        record.PayeeName.Should().Be("ﾃｽﾄｼﾖｳﾃﾝ");
        var line = await _host.WithDbAsync(db => db.SettlementLines.SingleAsync(l => l.MerchantId == shop));
        (line.PayeeBankNumber, line.PayeeBranchNumber, line.PayeeAccountType, line.PayeeAccountNumber, line.PayeeHolderKana)
            .Should().Be(("0168", "101", BankAccountType.Ordinary, "1234567", "ﾃｽﾄｼﾖｳﾃﾝ"));
    }

    [Fact]
    public async Task Settle_WhenAShopsPayoutNameCannotBeWritten_HoldsItBackWithTheReasonAndPaysItAtTheNextRun()
    {
        var resident = await _host.RegisterResidentAsync();
        var good = await _host.RegisterMerchantAsync();
        var bad = await _host.RegisterMerchantAsync();
        // Registered before payout names were checked: kanji cannot be written to a bank file.
        await _host.ExecuteSqlAsync($"UPDATE Merchants SET Payout_HolderKana = '山田太郎' WHERE Id = '{bad.ToString().ToUpperInvariant()}'");
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, good, 1_000);
        // 6,000 smallBusiness and 2,000 general points: the hold is the shop's whole balance, both kinds together.
        await _host.PayAsync(resident, bad, 8_000);
        _host.SetJst(Day1.AddDays(1), 9);

        var first = await _host.MustAsync(Settle(Day1));
        var zengin = await _host.MustAsync(new GetSettlementZenginQuery(first.SettlementId));
        var view = await _host.MustAsync(new GetSettlementQuery(first.SettlementId));

        first.MerchantCount.Should().Be(1);
        first.Points.Should().Be(1_000);
        var held = first.HeldBack.Should().ContainSingle().Subject;
        (held.MerchantId, held.Points).Should().Be((bad, 8_000L));
        held.Reason.Should().Contain("payout.holderKana").And.Contain("山");
        view.HeldBack.Should().BeEquivalentTo(first.HeldBack);
        ZenginFileReader.Parse(zengin.Content).Records.Should().ContainSingle();
        (await _host.BalanceAsync(bad)).Should().Be(8_000, "a held-back shop keeps its points");

        await _host.ExecuteSqlAsync($"UPDATE Merchants SET Payout_HolderKana = 'ﾔﾏﾀﾞ ﾀﾛｳ' WHERE Id = '{bad.ToString().ToUpperInvariant()}'");
        _host.SetJst(Day1.AddDays(2), 9);
        var second = await _host.MustAsync(Settle(Day1.AddDays(1)));

        second.HeldBack.Should().BeEmpty();
        second.Points.Should().Be(8_000, "the held-back points are paid at the next run");
        (await _host.BalanceAsync(bad)).Should().Be(0);
    }
}
