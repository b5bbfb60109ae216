using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Features.Papers;

namespace Tsuyama.LocalCurrency.Tests.Papers;

public sealed class RegistrationNumberTests
{
    [Theory]
    [InlineData("T1180301018771")] // a published corporate number (トヨタ自動車)
    [InlineData("T5000020332038")] // the demo default: 000020 + local government code 332038
    [InlineData("T9000000000000")] // Σ mod 9 = 0 gives check digit 9
    public void Problem_ForAValidNumber_IsNull(string number) =>
        RegistrationNumber.Problem(number).Should().BeNull();

    [Theory]
    [InlineData("T2180301018771", "check digit 2")]
    [InlineData("T1180301018772", "check digit of 180301018772 is 9")]
    [InlineData("T1234567890123", "check digit of 234567890123 is 9")]
    public void Problem_ForAWrongCheckDigit_NamesTheExpectedDigit(string number, string expected) =>
        RegistrationNumber.Problem(number).Should().Contain(expected);

    [Theory]
    [InlineData("")]
    [InlineData("1180301018771")]
    [InlineData("t1180301018771")]
    [InlineData("T118030101877")]
    [InlineData("T11803010187710")]
    [InlineData("T1-1803-0101-8771")]
    [InlineData("T１１８０３０１０１８７７１")]
    public void Problem_ForAMalformedNumber_AsksForTAnd13Digits(string number) =>
        RegistrationNumber.Problem(number).Should().Contain("T followed by 13 digits");

    [Fact]
    public void CheckDigit_MatchesThePublishedExample() =>
        RegistrationNumber.CheckDigit("180301018771").Should().Be(1);

    [Fact]
    public void Validator_RejectsAnInvalidConfiguredNumber_WithOneLine()
    {
        var result = new InvoiceOptionsValidator().Validate(null, new InvoiceOptions { RegistrationNumber = "T1234567890123" });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().StartWith("Invoice:RegistrationNumber 'T1234567890123'").And.NotContain("\n");
        new InvoiceOptionsValidator().Validate(null, new InvoiceOptions()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Display_GroupsTheDigits() => RegistrationNumber.Display("T1180301018771").Should().Be("T1-1803-0101-8771");
}

public sealed class InvoiceTaxTests
{
    [Fact]
    public void Totals_RoundOncePerRate_WherePerLineRoundingWouldLoseAYen()
    {
        var day = new DateOnly(2026, 4, 10);
        InvoiceCharge[] charges = [new(day, "a", 6, 10), new(day, "b", 6, 10)];

        var perLine = charges.Sum(c => InvoiceTax.TaxIncluded(c.AmountYen, c.TaxRatePercent));
        var totals = InvoiceTax.Totals(charges);

        perLine.Should().Be(0, "6 × 10 / 110 = 0.54 rounds down to 0 on each line");
        totals.Should().ContainSingle().Which.Should().Be(new RateTotal(10, 12, 1));
    }

    [Fact]
    public void Totals_KeepEachRateApart()
    {
        var day = new DateOnly(2026, 4, 10);
        var totals = InvoiceTax.Totals([new(day, "a", 1_080, 8), new(day, "b", 550, 10), new(day, "c", 555, 10), new(day, "d", 5, 8)]);

        totals.Should().Equal(new RateTotal(10, 1_105, 100), new RateTotal(8, 1_085, 80));
        totals[0].AmountExcludingTaxYen.Should().Be(1_005);
    }
}
