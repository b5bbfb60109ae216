using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>
/// The guards in the SQL of <see cref="Journal"/> and <see cref="LotUpdates"/> are the last line when
/// several hosts write the same database: the in-process write gate serialises one host's commands,
/// so a use case never reaches them with stale reads. These tests call the guarded updates straight,
/// as a second host that read the same rows earlier would.
/// </summary>
public sealed class WriteGuardTests : OneShopTests
{
    private Task<Error?> ApplyAsync(Action<Journal> post) => Host.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var journal = new Journal(db, Host.Clock);
        post(journal);
        var error = await journal.ApplyAsync(CancellationToken.None);
        if (error is not null)
        {
            // As TransactionBehaviour does: a refusal may follow balances already updated in this transaction.
            await transaction.RollbackAsync();
            return error;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    });

    private Task<Guid> GeneralLotAsync() =>
        Host.WithDbAsync(db => db.Lots.Where(l => l.ResidentId == ResidentId && l.Kind == PointKind.General).Select(l => l.Id).SingleAsync());

    [Fact]
    public async Task Journal_WhenADebitExceedsTheBalanceItNoLongerHolds_RefusesWithWhatIsLeftAndMovesNothing()
    {
        var transfers = await Host.TransferCountAsync();

        var error = await ApplyAsync(j => j.Post(ProgramId, PointKind.General, ResidentId, ShopId, 6_001, TransferType.Payment, Guid.NewGuid()));

        error.Should().NotBeNull();
        error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        error.Detail.Should().Be("Requested 6001 points but only 6000 are available.");
        (await Host.BalanceAsync(ResidentId, PointKind.General)).Should().Be(6_000);
        (await Host.BalanceAsync(ShopId)).Should().Be(0);
        (await Host.TransferCountAsync()).Should().Be(transfers);
    }

    [Fact]
    public async Task Journal_WhenADebitTakesExactlyTheBalance_AppliesIt()
    {
        var error = await ApplyAsync(j => j.Post(ProgramId, PointKind.General, ResidentId, ShopId, 6_000, TransferType.Payment, Guid.NewGuid()));

        error.Should().BeNull();
        (await Host.BalanceAsync(ResidentId, PointKind.General)).Should().Be(0);
        (await Host.BalanceAsync(ShopId, PointKind.General)).Should().Be(6_000);
    }

    [Fact]
    public async Task Journal_WhenTheDebitedAccountHasNoBalanceRowYet_RefusesWithZeroAvailable()
    {
        var stranger = Guid.NewGuid();

        var error = await ApplyAsync(j => j.Post(ProgramId, PointKind.General, stranger, ShopId, 1, TransferType.Payment, Guid.NewGuid()));

        error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        error.Detail.Should().Be("Requested 1 points but only 0 are available.");
        (await Host.WithDbAsync(db => db.Balances.CountAsync(b => b.AccountId == stranger))).Should().Be(0);
    }

    [Fact]
    public async Task Journal_WhenTheIssuerPays_MayGoBelowZeroAndCreatesTheCreditedBalance()
    {
        // Any account may stand in for the issuer: the flag, not the account, lifts the guard.
        var issuer = ShopId;
        var newcomer = await Host.RegisterMerchantAsync();

        var error = await ApplyAsync(j => j.Post(ProgramId, PointKind.General, issuer, newcomer, 500, TransferType.Issue, Guid.NewGuid(), fromIsIssuer: true));

        error.Should().BeNull();
        (await Host.BalanceAsync(issuer)).Should().Be(-500);
        (await Host.BalanceAsync(newcomer)).Should().Be(500);
    }

    [Fact]
    public async Task Journal_NetsTransfersPerAccountBeforeApplyingThem()
    {
        // Out 6,000 and back 1,000 in one command: the net debit of 5,000 fits, though the gross 6,000
        // debit applied after a credit of 1,000 would as well: what matters is the sum, and that a
        // balance netting to zero is left untouched.
        var operation = Guid.NewGuid();
        var error = await ApplyAsync(j =>
        {
            j.Post(ProgramId, PointKind.General, ResidentId, ShopId, 6_000, TransferType.Payment, operation);
            j.Post(ProgramId, PointKind.General, ShopId, ResidentId, 1_000, TransferType.Refund, operation);
            j.Post(ProgramId, PointKind.SmallBusiness, ResidentId, ShopId, 700, TransferType.Payment, operation);
            j.Post(ProgramId, PointKind.SmallBusiness, ShopId, ResidentId, 700, TransferType.Refund, operation);
        });

        error.Should().BeNull();
        (await Host.BalanceAsync(ResidentId, PointKind.General)).Should().Be(1_000);
        (await Host.BalanceAsync(ShopId, PointKind.General)).Should().Be(5_000);
        (await Host.BalanceAsync(ResidentId, PointKind.SmallBusiness)).Should().Be(7_000);
        (await Host.WithDbAsync(db => db.Balances.CountAsync(b => b.AccountId == ShopId && b.Kind == PointKind.SmallBusiness)))
            .Should().Be(0, "a balance that nets to zero is not touched, so no empty row appears");
        (await Host.WithDbAsync(db => db.Transfers.CountAsync(t => t.OperationId == operation))).Should().Be(4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Journal_Post_WithANonPositiveAmount_Throws(long amount)
    {
        var journal = new Journal(null!, Host.Clock);

        var post = () => journal.Post(ProgramId, PointKind.General, ResidentId, ShopId, amount, TransferType.Payment, Guid.NewGuid());

        post.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Journal_WhenNetDeltasOverflow_ThrowsInsteadOfWrappingAround()
    {
        var apply = () => ApplyAsync(j =>
        {
            j.Post(ProgramId, PointKind.General, ResidentId, ShopId, long.MaxValue, TransferType.Payment, Guid.NewGuid());
            j.Post(ProgramId, PointKind.General, ResidentId, ShopId, 1, TransferType.Payment, Guid.NewGuid());
        });

        await apply.Should().ThrowAsync<OverflowException>();
        (await Host.BalanceAsync(ResidentId, PointKind.General)).Should().Be(6_000);
    }

    [Fact]
    public async Task ConsumeLot_WhenTheLotHoldsLessThanAsked_ThrowsAConflictAndLeavesTheLot()
    {
        var lot = await GeneralLotAsync();

        var consume = () => Host.WithDbAsync(async db =>
        {
            await db.ConsumeAsync(lot, 6_001, CancellationToken.None);
            return 0;
        });

        await consume.Should().ThrowAsync<ConcurrencyConflictException>();
        (await Host.WithDbAsync(db => db.Lots.Where(l => l.Id == lot).Select(l => l.Remaining).SingleAsync())).Should().Be(6_000);
    }

    [Fact]
    public async Task ConsumeLot_WhenTheLotHoldsExactlyTheAmount_EmptiesIt()
    {
        var lot = await GeneralLotAsync();

        await Host.WithDbAsync(async db =>
        {
            await db.ConsumeAsync(lot, 6_000, CancellationToken.None);
            return 0;
        });

        (await Host.WithDbAsync(db => db.Lots.Where(l => l.Id == lot).Select(l => l.Remaining).SingleAsync())).Should().Be(0);
    }
}
