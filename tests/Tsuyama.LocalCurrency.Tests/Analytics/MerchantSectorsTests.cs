using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Analytics;

namespace Tsuyama.LocalCurrency.Tests.Analytics;

public sealed class MerchantSectorsTests
{
    [Theory]
    [InlineData("5812", MerchantSize.Small, "restaurants")]
    [InlineData("5813", MerchantSize.Small, "restaurants")]
    [InlineData("5814", MerchantSize.Small, "restaurants")]
    [InlineData("5815", MerchantSize.Small, "retail-small")]
    [InlineData("5411", MerchantSize.Small, "retail-small")]
    [InlineData("5047", MerchantSize.Small, "wholesale")]
    [InlineData("5141", MerchantSize.Small, "wholesale")]
    [InlineData("5200", MerchantSize.Small, "retail-small")]
    [InlineData("5541", MerchantSize.Small, "fuel-transport")]
    [InlineData("5542", MerchantSize.Small, "fuel-transport")]
    [InlineData("5511", MerchantSize.Small, "fuel-transport")]
    [InlineData("4121", MerchantSize.Small, "fuel-transport")]
    [InlineData("7230", MerchantSize.Small, "services")]
    [InlineData("8011", MerchantSize.Small, "services")]
    [InlineData("9399", MerchantSize.Small, "retail-small")]
    [InlineData("5812", MerchantSize.Large, "large-chains")]
    [InlineData("5411", MerchantSize.Large, "large-chains")]
    [InlineData("581", MerchantSize.Small, "retail-small")]
    [InlineData("58A2", MerchantSize.Small, "retail-small")]
    [InlineData("", MerchantSize.Small, "retail-small")]
    public void Of_MapsCategoryAndSizeToTheScenarioSector(string category, MerchantSize size, string expected) =>
        MerchantSectors.Of(category, size).Should().Be(expected);

    [Fact]
    public void All_AreExactlyTheBaselineScenarioSectorIds()
    {
        var baseline = Tsuyama.LocalCurrency.Features.Analytics.Calibration.ScenarioCalibrator.Baseline();

        MerchantSectors.All.Should().BeEquivalentTo(baseline.Sectors.Select(s => s.Id));
    }
}
