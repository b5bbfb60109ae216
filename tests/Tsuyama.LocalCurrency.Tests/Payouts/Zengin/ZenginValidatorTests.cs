using Tsuyama.LocalCurrency.Payouts.Zengin;
using static Tsuyama.LocalCurrency.Tests.Payouts.Zengin.ZenginTestData;

namespace Tsuyama.LocalCurrency.Tests.Payouts.Zengin;

public class ZenginValidatorTests
{
    [Fact]
    public void Validate_SampleBatch_HasNoProblems()
    {
        ZenginValidator.Validate(Batch()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("123456789", "issuer: client code must be exactly 10 digits")]
    [InlineData("12345678901", "issuer: client code must be exactly 10 digits")]
    [InlineData("12345678９0", "issuer: client code must be exactly 10 digits")]
    public void Validate_BadClientCode_IsReported(string clientCode, string expected)
    {
        var batch = Batch() with { Issuer = Issuer with { ClientCode = clientCode } };

        ZenginValidator.Validate(batch).Should().ContainSingle().Which.Should().StartWith(expected);
    }

    [Fact]
    public void Validate_BadIssuerAccount_IsReported()
    {
        var batch = Batch() with { Issuer = Issuer with { BankNumber = "168", BranchNumber = "1O1", AccountNumber = "" } };

        ZenginValidator.Validate(batch).Should().BeEquivalentTo(
            "issuer: bank number must be exactly 4 digits (0-9), got \"168\"",
            "issuer: branch number must be exactly 3 digits (0-9), got \"1O1\"",
            "issuer: account number must be exactly 7 digits (0-9), got \"\"");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_000_000_000)]
    public void Validate_AmountOutOfRange_NamesThePayee(long amount)
    {
        var errors = ZenginValidator.Validate(Batch(Shop with { Amount = amount }));

        errors.Should().ContainSingle().Which.Should().StartWith("payee 1: amount must be between 1 and 9,999,999,999 yen");
    }

    [Fact]
    public void Validate_LargestAmount_IsAccepted()
    {
        ZenginValidator.Validate(Batch(Shop with { Amount = 9_999_999_999 })).Should().BeEmpty();
    }

    [Fact]
    public void Validate_TotalBeyond12Digits_IsReported()
    {
        var payees = Enumerable.Repeat(Shop with { Amount = 9_999_999_999 }, 101).ToArray();

        ZenginValidator.Validate(Batch(payees)).Should().ContainSingle()
            .Which.Should().Contain("total amount 1,009,999,999,899 yen exceeds 999,999,999,999");
    }

    [Fact]
    public void Validate_PayeeProblems_AreAllListedPerPayee()
    {
        var batch = Batch(
            Shop,
            Bakery with { AccountNumber = "12345", AccountType = (ZenginAccountType)3, HolderKana = "鈴木ハナコ" },
            Bakery with { BankNumber = "abcd", BranchNameKana = "支店" });

        var errors = ZenginValidator.Validate(batch);

        errors.Should().HaveCount(5);
        errors.Should().Contain(e => e.StartsWith("payee 2: account number must be exactly 7 digits", StringComparison.Ordinal));
        errors.Should().Contain(e =>
            e.StartsWith("payee 2: account type must be 1 (ordinary), 2 (current), 4 (savings) or 9 (other), got 3", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("payee 2: holder name: Character '鈴'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("payee 3: bank number must be exactly 4 digits", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("payee 3: branch name: Character '支'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BlankPayeeBankAndBranchNames_AreAccepted()
    {
        ZenginValidator.Validate(Batch(Shop with { BankNameKana = "", BranchNameKana = " " })).Should().BeEmpty();
    }

    [Fact]
    public void Validate_BlankIssuerBankName_IsStillRefused()
    {
        var batch = Batch() with { Issuer = Issuer with { BankNameKana = " " } };

        ZenginValidator.Validate(batch).Should().ContainSingle().Which.Should().Be("issuer: bank name is empty");
    }

    [Fact]
    public void Validate_NoPayees_IsReported()
    {
        var batch = new ZenginTransferBatch(Issuer, TransferDate, []);

        ZenginValidator.Validate(batch).Should().ContainSingle().Which.Should().Contain("no payees");
    }

    [Fact]
    public void Validate_KanjiClientName_AsksForKana()
    {
        var batch = Batch() with { Issuer = Issuer with { ClientNameKana = "津山市" } };

        ZenginValidator.Validate(batch).Should().ContainSingle()
            .Which.Should().StartWith("issuer: client name: Character '津'").And.Contain("kana reading");
    }

    [Fact]
    public void ThrowIfInvalid_ListsEveryProblemInTheMessage()
    {
        var batch = Batch(Shop with { Amount = 0 }) with { Issuer = Issuer with { ClientCode = "1" } };

        var act = () => ZenginValidator.ThrowIfInvalid(batch);

        var error = act.Should().Throw<ZenginValidationException>().Which;
        error.Errors.Should().HaveCount(2);
        error.Message.Should().Contain("2 problem(s)").And.Contain("client code").And.Contain("amount");
    }
}
