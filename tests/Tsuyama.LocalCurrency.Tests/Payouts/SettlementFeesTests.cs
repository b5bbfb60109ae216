using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Tests.Payouts;

public class SettlementFeesTests
{
    [Fact]
    public void Compute_1234PointsAt150Bps_RoundsFeeAndTaxDown()
    {
        // 1 234 × 150 / 10 000 = 18.51 → 18; 18 × 10 / 110 = 1.63 → 1.
        var result = SettlementFees.Compute(1_234, 150);

        result.Should().Be(new SettlementFee(Points: 1_234, FeeBasisPoints: 150, Fee: 18, ConsumptionTaxInFee: 1, Payout: 1_216));
    }

    [Theory]
    [InlineData(10, 0)] // fee 10 × 10 / 110 = 0.9
    [InlineData(11, 1)]
    [InlineData(109, 9)] // 9.9
    [InlineData(110, 10)]
    [InlineData(1_100, 100)]
    public void Compute_TaxContainedInFee_IsRoundedDown(long fee, long expectedTax)
    {
        // 100 % fee rate makes the fee equal the points, so the tax rule is tested in isolation.
        SettlementFees.Compute(fee, 10_000).ConsumptionTaxInFee.Should().Be(expectedTax);
    }

    [Fact]
    public void Compute_ZeroRate_PaysEverythingOut()
    {
        SettlementFees.Compute(50_000, 0).Should().Be(new SettlementFee(50_000, 0, 0, 0, 50_000));
    }

    [Fact]
    public void Compute_ZeroPoints_IsAllZero()
    {
        SettlementFees.Compute(0, 150).Should().Be(new SettlementFee(0, 150, 0, 0, 0));
    }

    [Fact]
    public void Compute_FullRate_KeepsEverything()
    {
        SettlementFees.Compute(7_777, 10_000).Should().Be(new SettlementFee(7_777, 10_000, 7_777, 707, 0));
    }

    [Fact]
    public void Compute_LargeValues_StayExact()
    {
        var result = SettlementFees.Compute(900_000_000_000_000, 150);

        result.Fee.Should().Be(13_500_000_000_000);
        result.ConsumptionTaxInFee.Should().Be(1_227_272_727_272);
        result.Payout.Should().Be(886_500_000_000_000);
    }

    [Fact]
    public void Compute_ProductBeyondLong_ThrowsOverflowInsteadOfWrapping()
    {
        var act = () => SettlementFees.Compute(long.MaxValue, 150);

        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Compute_MaxPointsAtZeroRate_DoesNotOverflow()
    {
        SettlementFees.Compute(long.MaxValue, 0).Payout.Should().Be(long.MaxValue);
    }

    [Theory]
    [InlineData(-1, 150)]
    [InlineData(100, -1)]
    [InlineData(100, 10_001)]
    public void Compute_OutOfRangeInput_Throws(long points, int bps)
    {
        var act = () => SettlementFees.Compute(points, bps);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Compute_FeePlusPayout_AlwaysEqualsPoints()
    {
        foreach (var points in new long[] { 1, 9, 66, 667, 1_234, 99_999, 10_000_001 })
        {
            foreach (var bps in new[] { 1, 50, 150, 333, 9_999 })
            {
                var r = SettlementFees.Compute(points, bps);
                (r.Fee + r.Payout).Should().Be(points, $"{points} points at {bps} bps");
                r.Fee.Should().Be(points * bps / 10_000, $"{points} points at {bps} bps");
            }
        }
    }
}
