using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;

/// <summary>
/// 換金・精算: redeems every merchant's points received up to the end of <see cref="Cutoff"/> (JST)
/// in one transaction. The cutoff day must be over (before today, JST) and later than every
/// settled cutoff; running a settled cutoff again is a conflict, so nobody is paid twice.
/// </summary>
public sealed record RunSettlementCommand(DateOnly Cutoff, string Caller, string? IdempotencyKey = null)
    : ICommand<SettlementDone>, IIdempotentCommand, ISerializableCommand
{
    public string IdempotencyScope => Caller;
}

public sealed record SettlementDone(Guid SettlementId, int MerchantCount, long Points, long FeeYen, long PayoutYen, IReadOnlyList<HeldBackMerchant> HeldBack);

/// <summary>A merchant left unpaid (nothing redeemed) because its payout account cannot be written; paid at the next run.</summary>
public sealed record HeldBackMerchant(Guid MerchantId, long Points, string Reason);

internal sealed class RunSettlementValidator : IValidator<RunSettlementCommand>
{
    public void Validate(RunSettlementCommand r, ValidationErrors e)
    {
        e.NotBlank(r.Caller, "caller", 80);
        e.LedgerDay(r.Cutoff, "cutoff");
    }
}

internal sealed class RunSettlementHandler(LedgerDbContext db, TimeProvider clock, IOptions<SettlementOptions> options, ICurrentActor actor)
    : IRequestHandler<RunSettlementCommand, Result<SettlementDone>>
{
    public async Task<Result<SettlementDone>> Handle(RunSettlementCommand command, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "run a settlement") is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        if (command.Cutoff >= today)
        {
            // Points can still arrive during the cutoff day; settling it early would leave them for the next run.
            return Error.Rule(ProblemTypes.CutoffNotOver, "締め日がまだ終わっていません / Cutoff day not over",
                $"The cutoff {command.Cutoff:yyyy-MM-dd} must be a day before today ({today:yyyy-MM-dd}, JST).");
        }

        var latest = await db.Settlements.OrderByDescending(s => s.Cutoff).Select(s => new { s.Id, s.Cutoff })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (latest is not null && latest.Cutoff >= command.Cutoff)
        {
            return Error.Conflict(latest.Cutoff == command.Cutoff
                ? $"The cutoff {command.Cutoff:yyyy-MM-dd} was already settled by settlement {latest.Id}."
                : $"The later cutoff {latest.Cutoff:yyyy-MM-dd} was already settled by settlement {latest.Id}; cutoffs must increase.");
        }

        var redeemable = await RedeemablePoints.ForCutoffAsync(db, JapanTime.EndOfDayUtc(command.Cutoff), ct).ConfigureAwait(false);
        var programs = await db.Programs.Select(p => new { p.Id, p.RedeemedAccountId, p.RedemptionFeeBasisPoints })
            .ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        var merchantIds = redeemable.Select(h => h.MerchantId).Distinct().ToList();
        var payees = await db.Merchants.AsNoTracking().Where(m => merchantIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Payout, ct).ConfigureAwait(false);

        var settlementId = Guid.CreateVersion7(now);
        // Checked before anything is redeemed: a shop whose account the bank file cannot carry keeps its
        // points (held back with the reason) instead of blocking the file for everyone after redemption.
        var holds = redeemable
            .GroupBy(h => h.MerchantId)
            .Select(g => (MerchantId: g.Key, Points: g.Sum(h => h.Points), Reason: PayoutRules.Reason(payees[g.Key])))
            .Where(x => x.Reason is not null)
            .OrderBy(x => x.MerchantId)
            .Select(x => new SettlementHold { SettlementId = settlementId, MerchantId = x.MerchantId, Points = x.Points, Reason = x.Reason! })
            .ToList();
        var held = holds.Select(h => h.MerchantId).ToHashSet();
        var holdings = redeemable.Where(h => !held.Contains(h.MerchantId)).ToList();

        var journal = new Journal(db, clock);
        foreach (var h in holdings)
        {
            journal.Post(h.ProgramId, h.Kind, h.MerchantId, programs[h.ProgramId].RedeemedAccountId, h.Points, TransferType.Redemption, settlementId);
        }

        // The fee is charged per merchant and program on all kinds together, so a merchant holding
        // both kinds is not rounded down twice in their favour.
        var lines = holdings
            .GroupBy(h => (h.MerchantId, h.ProgramId))
            .OrderBy(g => g.Key.MerchantId).ThenBy(g => g.Key.ProgramId)
            .Select(g =>
            {
                var fee = SettlementFees.Compute(g.Sum(h => h.Points), programs[g.Key.ProgramId].RedemptionFeeBasisPoints);
                var payee = payees[g.Key.MerchantId];
                PayoutRules.TryNormaliseHolder(payee.HolderKana, out var holder, out _);
                return new SettlementLine
                {
                    SettlementId = settlementId,
                    MerchantId = g.Key.MerchantId,
                    ProgramId = g.Key.ProgramId,
                    Points = fee.Points,
                    FeeYen = fee.Fee,
                    TaxInFeeYen = fee.ConsumptionTaxInFee,
                    PayoutYen = fee.Payout,
                    PayeeBankNumber = payee.BankCode,
                    PayeeBranchNumber = payee.BranchCode,
                    PayeeAccountType = payee.AccountType,
                    PayeeAccountNumber = payee.AccountNumber,
                    PayeeHolderKana = holder,
                };
            })
            .ToList();

        var settlement = new Settlement
        {
            Id = settlementId,
            Cutoff = command.Cutoff,
            CreatedAt = now.UtcDateTime,
            TransferDate = SettlementCalendar.PayoutDateOfRunOn(today, options.Value.PayoutDelayDays),
            MerchantCount = lines.Select(l => l.MerchantId).Distinct().Count(),
            Points = lines.Sum(l => l.Points),
            FeeYen = lines.Sum(l => l.FeeYen),
            TaxInFeeYen = lines.Sum(l => l.TaxInFeeYen),
            PayoutYen = lines.Sum(l => l.PayoutYen),
            Lines = lines,
            Holds = holds,
        };

        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is not null)
        {
            // Redemptions never exceed the balances read in this transaction; a refusal means a
            // concurrent writer (SQL Server) spent them meanwhile, so the whole run starts over.
            throw new ConcurrencyConflictException("A merchant balance changed while the settlement was running.");
        }

        db.Settlements.Add(settlement);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new SettlementDone(settlementId, settlement.MerchantCount, settlement.Points, settlement.FeeYen, settlement.PayoutYen,
            holds.Select(h => new HeldBackMerchant(h.MerchantId, h.Points, h.Reason)).ToList());
    }
}
