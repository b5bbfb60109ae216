using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Payouts;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Tests.Payouts;

/// <summary>
/// The payout-account rule on its own: what a shop's registration refuses and what a settlement holds back for.
/// The pages and the API show these messages beside the field, so their wording is pinned too.
/// </summary>
public sealed class PayoutRulesTests
{
    private static readonly PayoutDetails Good = TestLedger.Payout();

    [Theory]
    [InlineData("ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("  ﾔﾏﾀﾞ  ", "ﾔﾏﾀﾞ")]
    [InlineData("株式会社ヤマダ", "ｶ)ﾔﾏﾀﾞ")]
    public void TryNormaliseHolder_WithANameTheBankCanCarry_ReturnsItInHalfWidthBankKana(string holder, string expected)
    {
        PayoutRules.TryNormaliseHolder(holder, out var normalised, out var problem).Should().BeTrue(problem);

        normalised.Should().Be(expected);
        problem.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryNormaliseHolder_WhenBlank_IsRequired(string? holder)
    {
        PayoutRules.TryNormaliseHolder(holder, out var normalised, out var problem).Should().BeFalse();

        problem.Should().Be("is required");
        normalised.Should().BeEmpty();
    }

    [Fact]
    public void TryNormaliseHolder_WithKanji_SaysWhatTheBankFileAccepts()
    {
        PayoutRules.TryNormaliseHolder("山田太郎", out var normalised, out var problem).Should().BeFalse();

        problem.Should().StartWith("must be the account holder's name in kana");
        normalised.Should().BeEmpty();
    }

    [Fact]
    public void TryNormaliseHolder_OfExactlyThirtyBankCharacters_IsAccepted()
    {
        var name = new string('ｱ', PayoutRules.HolderMaxLength);

        PayoutRules.TryNormaliseHolder(name, out var normalised, out _).Should().BeTrue();

        normalised.Should().Be(name);
    }

    [Fact]
    public void TryNormaliseHolder_OfThirtyOneBankCharacters_IsRefusedWithItsLength()
    {
        PayoutRules.TryNormaliseHolder(new string('ｱ', PayoutRules.HolderMaxLength + 1), out var normalised, out var problem)
            .Should().BeFalse();

        problem.Should().StartWith("is 31 characters in half-width bank kana").And.EndWith("the bank file holds 1 to 30");
        normalised.Should().BeEmpty();
    }

    [Fact]
    public void TryNormaliseHolder_CountsLengthAfterConversion_SoVoicedKanaCountTwice()
    {
        // ガ is written ｶﾞ: fifteen of them fill the 30 bytes, sixteen do not fit although the name has 16 characters.
        PayoutRules.TryNormaliseHolder(new string('ガ', 15), out _, out _).Should().BeTrue();
        PayoutRules.TryNormaliseHolder(new string('ガ', 16), out _, out var problem).Should().BeFalse();

        problem.Should().StartWith("is 32 characters");
    }

    [Fact]
    public void Problems_OfAGoodAccount_IsEmpty()
    {
        PayoutRules.Problems(Good.BankCode, Good.BranchCode, Good.AccountType, Good.AccountNumber, Good.HolderKana).Should().BeEmpty();
        PayoutRules.Reason(Good.ToAccount()).Should().BeNull();
    }

    [Theory]
    [InlineData(null, "101", "1234567", "bankCode", "must be 4 digits")]
    [InlineData("168", "101", "1234567", "bankCode", "must be 4 digits")]
    [InlineData("01680", "101", "1234567", "bankCode", "must be 4 digits")]
    [InlineData("01a8", "101", "1234567", "bankCode", "must be 4 digits")]
    [InlineData("０１６８", "101", "1234567", "bankCode", "must be 4 digits")]
    [InlineData("0168", null, "1234567", "branchCode", "must be 3 digits")]
    [InlineData("0168", "10", "1234567", "branchCode", "must be 3 digits")]
    [InlineData("0168", "1011", "1234567", "branchCode", "must be 3 digits")]
    [InlineData("0168", "1-1", "1234567", "branchCode", "must be 3 digits")]
    [InlineData("0168", "101", null, "accountNumber", "must be 7 digits")]
    [InlineData("0168", "101", "123456", "accountNumber", "must be 7 digits")]
    [InlineData("0168", "101", "12345678", "accountNumber", "must be 7 digits")]
    [InlineData("0168", "101", "123456x", "accountNumber", "must be 7 digits")]
    public void Problems_WithOneBadNumber_NamesOnlyThatField(string? bank, string? branch, string? number, string field, string problem)
    {
        PayoutRules.Problems(bank, branch, BankAccountType.Ordinary, number, Good.HolderKana)
            .Should().Equal(new Dictionary<string, string> { [field] = problem });
    }

    [Theory]
    [InlineData(BankAccountType.Ordinary)]
    [InlineData(BankAccountType.Current)]
    [InlineData(BankAccountType.Savings)]
    [InlineData(BankAccountType.Other)]
    public void Problems_WithEveryAccountTypeABankUses_AcceptsIt(BankAccountType type)
    {
        PayoutRules.Problems(Good.BankCode, Good.BranchCode, type, Good.AccountNumber, Good.HolderKana).Should().BeEmpty();
    }

    [Fact]
    public void Problems_WithAnAccountTypeNoBankUses_NamesIt()
    {
        PayoutRules.Problems(Good.BankCode, Good.BranchCode, (BankAccountType)3, Good.AccountNumber, Good.HolderKana)
            .Should().ContainSingle().Which.Key.Should().Be("accountType");
    }

    [Fact]
    public void Problems_WithABadHolder_GivesTheHolderRulesProblem()
    {
        PayoutRules.Problems(Good.BankCode, Good.BranchCode, Good.AccountType, Good.AccountNumber, "")
            .Should().Equal(new Dictionary<string, string> { ["holderKana"] = "is required" });
    }

    [Fact]
    public void Reason_WithTwoProblems_JoinsThemInFieldOrderWithTheirPayoutNames()
    {
        var account = (Good with { BankCode = "168", AccountNumber = "123" }).ToAccount();

        PayoutRules.Reason(account).Should().Be("payout.bankCode must be 4 digits; payout.accountNumber must be 7 digits");
    }
}
