using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class SpendPlannerTests
{
    private static readonly DateOnly Today = new(2026, 4, 10);

    private static SpendableLot Lot(PointKind kind, int expiresInDays, long remaining, int createdMinute = 0) =>
        new(Guid.NewGuid(), Guid.Empty, "P", kind, Today.AddDays(expiresInDays), remaining, new DateTime(2026, 1, 1, 0, createdMinute, 0, DateTimeKind.Utc));

    [Fact]
    public void Plan_SkipsLotsThatExpiredBeforeToday()
    {
        var expired = Lot(PointKind.General, -1, 500);
        var valid = Lot(PointKind.General, 0, 500);

        var plan = SpendPlanner.Plan([expired, valid], MerchantSize.Small, Today, 500);

        plan.Should().ContainSingle().Which.Lot.Should().Be(valid);
    }

    [Fact]
    public void Plan_WhenEligibleLotsDoNotCoverTheAmount_ReturnsNull()
    {
        var plan = SpendPlanner.Plan([Lot(PointKind.SmallBusiness, 10, 900), Lot(PointKind.General, 10, 100)], MerchantSize.Large, Today, 200);

        plan.Should().BeNull();
    }

    [Fact]
    public void Plan_BreaksExpiryTiesByTheOldestLot()
    {
        var newer = Lot(PointKind.General, 5, 100, createdMinute: 2);
        var older = Lot(PointKind.General, 5, 100, createdMinute: 1);

        var plan = SpendPlanner.Plan([newer, older], MerchantSize.Small, Today, 150)!;

        plan.Select(d => (d.Lot, d.Amount)).Should().Equal((older, 100L), (newer, 50L));
    }
}
