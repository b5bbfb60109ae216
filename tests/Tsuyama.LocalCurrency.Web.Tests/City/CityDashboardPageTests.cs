using System.Text.RegularExpressions;
using Tsuyama.LocalCurrency.Web.Pages.City;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.City;

/// <summary>What the city dashboard says before anything has happened, and how its charts label their value axis.</summary>
public sealed partial class CityDashboardPageTests
{
    [Fact]
    public async Task Dashboard_WithNoProgramYet_SaysSoUnderThePremiumBudgetAndLabelsTheEmptyChartsZeroOneTwo()
    {
        await using var factory = new ConsoleApiFactory();
        var admin = await CitySessions.SignInAsync(factory, ApiFactory.AdminEmail, ApiFactory.AdminPassword);

        var html = await admin.GetStringAsync("/city");

        html.Should().Contain("data-testid=\"premium-none\"").And.Contain("プレミアム付きで販売する制度はまだありません。");
        // Before the fix an empty chart's axis read 1 / 0 / 0: a top of 1 whose half printed as 0.
        AxisLabels(html).Should().StartWith(["0", "1", "2"]);
    }

    [Fact]
    public async Task Dashboard_WithAProgramOnSale_ShowsItsBudgetAndNoEmptyLine()
    {
        await using var factory = new ConsoleApiFactory();
        var program = await new Api(factory).CreateProgramAsync();
        var admin = await CitySessions.SignInAsync(factory, ApiFactory.AdminEmail, ApiFactory.AdminPassword);

        var html = await admin.GetStringAsync("/city");

        html.Should().NotContain("premium-none").And.Contain($"data-testid=\"premium-{program}\"");
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 8)]
    [InlineData(99, 100)]
    [InlineData(100, 100)]
    [InlineData(1_500, 1_600)]
    [InlineData(7_234, 7_400)]
    [InlineData(26_000, 26_000)]
    [InlineData(26_001, 28_000)]
    public void AxisMaximum_IsAtLeastTheLargestValueAndHalvesToAWholeNumber(long largest, long top)
    {
        var axis = SvgChart.AxisMaximum(largest);

        axis.Should().Be(top);
        axis.Should().BeGreaterThanOrEqualTo(largest);
        (axis % 2).Should().Be(0);
    }

    /// <summary>The value-axis labels of the page's charts, top label last per chart (0, half, top).</summary>
    private static List<string> AxisLabels(string html) =>
        AxisLabel().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<text x=\"64\"[^>]*text-anchor=\"end\"[^>]*>([^<]*)</text>")]
    private static partial Regex AxisLabel();
}
