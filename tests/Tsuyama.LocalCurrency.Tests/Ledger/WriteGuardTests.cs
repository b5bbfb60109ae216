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
public sealed class WriteGuardTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private Guid _program;
    private Guid _resident;
    private Guid _shop;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        _program = (await _host.CreateProgramAsync()).ProgramId;
        _resident = await _host.RegisterResidentAsync();
        _shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(_resident); // 6,000 general + 7,000 smallBusiness
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Error?> ApplyAsync(Action<Journal> post) => _host.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var journal = new Journal(db, _host.Clock);
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
        _host.WithDbAsync(db => db.Lots.Where(l => l.ResidentId == _resident && l.Kind == PointKind.General).Select(l => l.Id).SingleAsync());

    [Fact]
    public async Task Journal_WhenADebitExceedsTheBalanceItNoLongerHolds_RefusesWithWhatIsLeftAndMovesNothing()
    {
        var transfers = await _host.TransferCountAsync();

        var error = await ApplyAsync(j => j.Post(_program, PointKind.General, _resident, _shop, 6_001, TransferType.Payment, Guid.NewGuid()));

        error.Should().NotBeNull();
        error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        error.Detail.Should().Be("Requested 6001 points but only 6000 are available.");
        (await _host.BalanceAsync(_resident, PointKind.General)).Should().Be(6_000);
        (await _host.BalanceAsync(_shop)).Should().Be(0);
        (await _host.TransferCountAsync()).Should().Be(transfers);
    }

    [Fact]
    public async Task Journal_WhenADebitTakesExactlyTheBalance_AppliesIt()
    {
        var error = await ApplyAsync(j => j.Post(_program, PointKind.General, _resident, _shop, 6_000, TransferType.Payment, Guid.NewGuid()));

        error.Should().BeNull();
        (await _host.BalanceAsync(_resident, PointKind.General)).Should().Be(0);
        (await _host.BalanceAsync(_shop, PointKind.General)).Should().Be(6_000);
    }

    [Fact]
    public async Task Journal_WhenTheDebitedAccountHasNoBalanceRowYet_RefusesWithZeroAvailable()
    {
        var stranger = Guid.NewGuid();

        var error = await ApplyAsync(j => j.Post(_program, PointKind.General, stranger, _shop, 1, TransferType.Payment, Guid.NewGuid()));

        error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        error.Detail.Should().Be("Requested 1 points but only 0 are available.");
        (await _host.WithDbAsync(db => db.Balances.CountAsync(b => b.AccountId == stranger))).Should().Be(0);
    }

    [Fact]
    public async Task Journal_WhenTheIssuerPays_MayGoBelowZeroAndCreatesTheCreditedBalance()
    {
        // Any account may stand in for the issuer: the flag, not the account, lifts the guard.
        var issuer = _shop;
        var newcomer = await _host.RegisterMerchantAsync();

        var error = await ApplyAsync(j => j.Post(_program, PointKind.General, issuer, newcomer, 500, TransferType.Issue, Guid.NewGuid(), fromIsIssuer: true));

        error.Should().BeNull();
        (await _host.BalanceAsync(issuer)).Should().Be(-500);
        (await _host.BalanceAsync(newcomer)).Should().Be(500);
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
            j.Post(_program, PointKind.General, _resident, _shop, 6_000, TransferType.Payment, operation);
            j.Post(_program, PointKind.General, _shop, _resident, 1_000, TransferType.Refund, operation);
            j.Post(_program, PointKind.SmallBusiness, _resident, _shop, 700, TransferType.Payment, operation);
            j.Post(_program, PointKind.SmallBusiness, _shop, _resident, 700, TransferType.Refund, operation);
        });

        error.Should().BeNull();
        (await _host.BalanceAsync(_resident, PointKind.General)).Should().Be(1_000);
        (await _host.BalanceAsync(_shop, PointKind.General)).Should().Be(5_000);
        (await _host.BalanceAsync(_resident, PointKind.SmallBusiness)).Should().Be(7_000);
        (await _host.WithDbAsync(db => db.Balances.CountAsync(b => b.AccountId == _shop && b.Kind == PointKind.SmallBusiness)))
            .Should().Be(0, "a balance that nets to zero is not touched, so no empty row appears");
        (await _host.WithDbAsync(db => db.Transfers.CountAsync(t => t.OperationId == operation))).Should().Be(4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Journal_Post_WithANonPositiveAmount_Throws(long amount)
    {
        var journal = new Journal(null!, _host.Clock);

        var post = () => journal.Post(_program, PointKind.General, _resident, _shop, amount, TransferType.Payment, Guid.NewGuid());

        post.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Journal_WhenNetDeltasOverflow_ThrowsInsteadOfWrappingAround()
    {
        var apply = () => ApplyAsync(j =>
        {
            j.Post(_program, PointKind.General, _resident, _shop, long.MaxValue, TransferType.Payment, Guid.NewGuid());
            j.Post(_program, PointKind.General, _resident, _shop, 1, TransferType.Payment, Guid.NewGuid());
        });

        await apply.Should().ThrowAsync<OverflowException>();
        (await _host.BalanceAsync(_resident, PointKind.General)).Should().Be(6_000);
    }

    [Fact]
    public async Task ConsumeLot_WhenTheLotHoldsLessThanAsked_ThrowsAConflictAndLeavesTheLot()
    {
        var lot = await GeneralLotAsync();

        var consume = () => _host.WithDbAsync(async db =>
        {
            await db.ConsumeAsync(lot, 6_001, CancellationToken.None);
            return 0;
        });

        await consume.Should().ThrowAsync<ConcurrencyConflictException>();
        (await _host.WithDbAsync(db => db.Lots.Where(l => l.Id == lot).Select(l => l.Remaining).SingleAsync())).Should().Be(6_000);
    }

    [Fact]
    public async Task ConsumeLot_WhenTheLotHoldsExactlyTheAmount_EmptiesIt()
    {
        var lot = await GeneralLotAsync();

        await _host.WithDbAsync(async db =>
        {
            await db.ConsumeAsync(lot, 6_000, CancellationToken.None);
            return 0;
        });

        (await _host.WithDbAsync(db => db.Lots.Where(l => l.Id == lot).Select(l => l.Remaining).SingleAsync())).Should().Be(0);
    }
}
