using Tsuyama.LocalCurrency.Features.Merchants;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>The fee split of <see cref="MerchantTransferFees"/> on its own, without a ledger.</summary>
public sealed class MerchantTransferFeeAllocationTests
{
    [Fact]
    public void Allocate_RoundsTheRunningTotalUp_SoThePartsAddUpToTheWholeFee()
    {
        // Running exact fee 0.995, 1.99, 2.00 points: rounded up 1, 2, 2, so the parts pay 1, 1, 0.
        MerchantTransferFees.Allocate([(199, 50), (199, 50), (2, 50)]).Should().Equal(1, 1, 0);
    }

    [Fact]
    public void Allocate_PartsAtDifferentRates_ChargeEachPartItsOwnRate()
    {
        // 1,000 at 0.5 % = 5; then 1,000 at 2 % = 20 more.
        MerchantTransferFees.Allocate([(1_000, 50), (1_000, 200)]).Should().Equal(5, 20);
    }

    [Fact]
    public void Allocate_NoParts_ChargesNothing()
    {
        MerchantTransferFees.Allocate([]).Should().BeEmpty();
    }

    [Fact]
    public void Allocate_WhenPointsTimesRateExceedsLong_ThrowsInsteadOfWrapping()
    {
        var allocate = () => MerchantTransferFees.Allocate([(long.MaxValue / 10, 50)]);

        allocate.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Allocate_WhenTheRunningTotalOfTwoPartsExceedsLong_ThrowsInsteadOfWrapping()
    {
        // Each part fits (about half of long.MaxValue scaled); only their sum overflows.
        var half = (long.MaxValue / 100 / 2) + 1;

        var allocate = () => MerchantTransferFees.Allocate([(half, 100), (half, 100)]);

        allocate.Should().Throw<OverflowException>();
    }
}
