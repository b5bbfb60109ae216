using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.ExpireUnpaidWinners;
using Tsuyama.LocalCurrency.Features.Sales.GetLotteryResult;
using Tsuyama.LocalCurrency.Features.Sales.RunLottery;
using Tsuyama.LocalCurrency.Features.Sales.WithdrawApplication;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

public sealed class LotteryTests : IAsyncLifetime
{
    private const string Seed = "tsuyama-2026-public-draw";
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<ApplicationView>> OversubscribedAsync(int totalUnits, params int[] units)
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits);
        var applications = new List<ApplicationView>();
        foreach (var u in units)
        {
            applications.Add((await _host.ApplyAsync(u)).Application);
        }

        _host.CloseApplications();
        return applications;
    }

    /// <summary>
    /// Re-computation from the published description only (README / ADR), independent of the
    /// product's code: ticket = SHA-256("{seed}:{id}"), ascending, whole applications while they fit.
    /// </summary>
    private static List<(Guid Id, bool Won)> Recompute(string seed, IEnumerable<(Guid Id, int Units)> applications, int unitsOnSale)
    {
        var left = unitsOnSale;
        var result = new List<(Guid, bool)>();
        foreach (var (id, units) in applications
                     .OrderBy(a => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + a.Id.ToString()))), StringComparer.Ordinal)
                     .ThenBy(a => a.Id.ToString(), StringComparer.Ordinal))
        {
            var won = units <= left;
            left -= won ? units : 0;
            result.Add((id, won));
        }

        return result;
    }

    [Fact]
    public async Task RunLottery_PublishedResult_MatchesAnIndependentRecomputationFromTheSeed()
    {
        var applications = await OversubscribedAsync(10, 3, 1, 2, 5, 4, 1, 2, 3, 2, 1, 5, 2);

        var drawn = await _host.MustAsync(new RunLotteryCommand(SalesTestData.Code, Seed, "test"));
        var published = await _host.MustAsync(new GetLotteryResultQuery(SalesTestData.Code));

        published.Seed.Should().Be(Seed);
        published.Algorithm.Should().Be(LotteryAlgorithm.Name);
        published.Places.Should().BeEquivalentTo(drawn.Places, o => o.WithStrictOrdering());
        var expected = Recompute(published.Seed, applications.Select(a => (a.ApplicationId, a.Units)), published.UnitsOnSale);
        published.Places.Select(p => (p.ApplicationId, p.Won)).Should().Equal(expected);
        published.Places.Where(p => p.Won).Sum(p => p.Units).Should().BeLessThanOrEqualTo(10);
        foreach (var place in published.Places)
        {
            var stored = await _host.ApplicationAsync(place.ApplicationId);
            stored.DrawPosition.Should().Be(place.Position);
            stored.Status.Should().Be(place.Won ? ApplicationStatus.Won : ApplicationStatus.Waiting);
        }

        (await _host.SalesAsync()).UnitsReserved.Should().Be(published.Places.Where(p => p.Won).Sum(p => p.Units));
    }

    [Fact]
    public void Draw_WithTheSameSeed_GivesTheSameWinnersAndAnotherSeedAnotherOrder()
    {
        var entries = Enumerable.Range(1, 30).Select(i => new LotteryEntry(new Guid($"0193a000-0000-7000-8000-{i:D12}"), 1 + (i % 3))).ToList();

        var first = LotteryAlgorithm.Draw(Seed, entries, 20);
        var again = LotteryAlgorithm.Draw(Seed, entries.AsEnumerable().Reverse(), 20);
        var other = LotteryAlgorithm.Draw("another-seed-2026", entries, 20);

        again.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        other.Select(p => p.ApplicationId).Should().NotEqual(first.Select(p => p.ApplicationId));
    }

    [Fact]
    public async Task RunLottery_WhileApplicationsAreOpen_IsRefused()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, 10);
        await _host.ApplyAsync(1);

        var result = await _host.SendAsync(new RunLotteryCommand(SalesTestData.Code, Seed, "test"));

        result.Error!.Type.Should().Be(ProblemTypes.LotteryNotReady);
    }

    [Fact]
    public async Task RunLottery_Twice_IsAConflictAndKeepsTheFirstDraw()
    {
        await OversubscribedAsync(2, 1, 1, 1);
        await _host.MustAsync(new RunLotteryCommand(SalesTestData.Code, Seed, "test"));

        var second = await _host.SendAsync(new RunLotteryCommand(SalesTestData.Code, "a-different-seed", "test"));

        second.Error!.Type.Should().Be(ProblemTypes.Conflict);
        (await _host.MustAsync(new GetLotteryResultQuery(SalesTestData.Code))).Seed.Should().Be(Seed);
    }

    [Fact]
    public async Task RunLottery_WithoutASeed_GeneratesAndPublishesOne()
    {
        await OversubscribedAsync(1, 1, 1);

        var drawn = await _host.MustAsync(new RunLotteryCommand(SalesTestData.Code, null, "test"));

        drawn.Seed.Should().MatchRegex("^[0-9a-f]{32}$");
        (await _host.MustAsync(new GetLotteryResultQuery(SalesTestData.Code))).Seed.Should().Be(drawn.Seed);
    }

    [Fact]
    public async Task WaitingList_WhenAWinnerDeclines_TheFirstWaitingApplicationInDrawnOrderWins()
    {
        await OversubscribedAsync(2, 1, 1, 1, 1);
        var drawn = await _host.MustAsync(new RunLotteryCommand(SalesTestData.Code, Seed, "test"));
        var winner = drawn.Places.First(p => p.Won);
        var firstWaiting = drawn.Places.First(p => !p.Won);
        var residentOfWinner = (await _host.ApplicationAsync(winner.ApplicationId)).ResidentId;

        await _host.MustAsync(new WithdrawApplicationCommand(residentOfWinner, winner.ApplicationId));

        (await _host.ApplicationAsync(firstWaiting.ApplicationId)).Status.Should().Be(ApplicationStatus.Won);
        (await _host.ApplicationAsync(drawn.Places.Last(p => !p.Won).ApplicationId)).Status.Should().Be(ApplicationStatus.Waiting);
        (await _host.SalesAsync()).UnitsReserved.Should().Be(2);
    }

    [Fact]
    public async Task ExpireUnpaidWinners_AfterTheDeadline_LapsesThemAndPromotesTheWaitingList_AndASecondRunChangesNothing()
    {
        await OversubscribedAsync(2, 1, 1, 1, 1);
        var drawn = await _host.MustAsync(new RunLotteryCommand(SalesTestData.Code, Seed, "test"));
        var winners = drawn.Places.Where(p => p.Won).ToList();
        await _host.MustAsync(_host.PayAtCounter(ApplicationView(winners[0])));
        _host.Clock.Advance(TimeSpan.FromDays(8));
        var asOf = _host.Today;

        var first = await _host.MustAsync(new ExpireUnpaidWinnersCommand(asOf));
        var statesAfterFirst = await _host.WithDbAsync(db => db.SalesApplications.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Status,
            a.PayBy }).ToListAsync());
        var second = await _host.MustAsync(new ExpireUnpaidWinnersCommand(asOf));

        first.Lapsed.Should().Be(1);
        first.Promoted.Should().Be(1);
        (await _host.ApplicationAsync(winners[0].ApplicationId)).Status.Should().Be(ApplicationStatus.Paid);
        (await _host.ApplicationAsync(winners[1].ApplicationId)).Status.Should().Be(ApplicationStatus.Lapsed);
        var promoted = await _host.ApplicationAsync(drawn.Places.First(p => !p.Won).ApplicationId);
        promoted.Status.Should().Be(ApplicationStatus.Won);
        promoted.PayBy.Should().Be(asOf.AddDays(7));
        second.Should().Be(new UnpaidWinnersExpired(asOf, 0, 0, 0));
        (await _host.WithDbAsync(db => db.SalesApplications.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Status, a.PayBy }).ToListAsync()))
            .Should().BeEquivalentTo(statesAfterFirst, o => o.WithStrictOrdering());
        (await _host.SalesAsync()).UnitsReserved.Should().Be(1);
    }

    private ApplicationView ApplicationView(LotteryPlace place) =>
        new(place.ApplicationId, SalesTestData.Code, place.Units, ApplicationStatus.Won, default, place.Position, null, null, place.Units * 10_000L);
}
