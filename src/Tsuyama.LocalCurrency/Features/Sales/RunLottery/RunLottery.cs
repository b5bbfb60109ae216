using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.RunLottery;

/// <summary>
/// An Admin draws a lottery program once its application window has closed. The seed (given, e.g.
/// from a public draw, or generated and then published), the algorithm and the ordered result are
/// stored; winners get their units reserved and a payment deadline, the rest wait in drawn order.
/// </summary>
public sealed record RunLotteryCommand(string ProgramCode, string? Seed, string Actor) : ICommand<LotteryResult>;

public sealed record LotteryResult(string ProgramCode, string Seed, string Algorithm, int UnitsOnSale, DateTime DrawnAt,
    IReadOnlyList<LotteryPlace> Places);

internal sealed class RunLotteryValidator : IValidator<RunLotteryCommand>
{
    public void Validate(RunLotteryCommand r, ValidationErrors e)
    {
        e.NotBlank(r.ProgramCode, "programCode", 32);
        e.Require(r.Seed is null || (r.Seed.Length is >= 8 and <= 200 && !r.Seed.Any(char.IsControl)), "seed", "must be 8–200 printable characters");
    }
}

internal sealed class RunLotteryHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<RunLotteryCommand, Result<LotteryResult>>
{
    public async Task<Result<LotteryResult>> Handle(RunLotteryCommand command, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == command.ProgramCode, ct).ConfigureAwait(false);
        var sales = program is null ? null : await db.ProgramSales.FirstOrDefaultAsync(s => s.ProgramId == program.Id, ct).ConfigureAwait(false);
        if (program is null || sales is null)
        {
            return Error.NotFound("Lottery program", command.ProgramCode);
        }

        var now = clock.GetUtcNow();
        if (sales.Rule != AllocationRule.Lottery)
        {
            return Error.Rule(ProblemTypes.LotteryNotReady, "抽選できません / No lottery", $"Program '{program.Code}' is first come first served.");
        }

        if (JapanTime.DateOf(now) <= sales.ApplicationUntil)
        {
            return Error.Rule(ProblemTypes.LotteryNotReady, "抽選できません / Applications still open",
                $"Applications to '{program.Code}' close at the end of {sales.ApplicationUntil:yyyy-MM-dd} (JST); draw after that.");
        }

        if (sales.LotteryDrawnAt is not null)
        {
            return Error.Conflict($"The lottery of '{program.Code}' was drawn at {sales.LotteryDrawnAt:u}; it is drawn once.");
        }

        var seed = command.Seed ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var applications = await db.SalesApplications.Where(a => a.ProgramId == program.Id && a.Status == ApplicationStatus.Pending)
            .ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        var unitsOnSale = await Allocation.FreeUnitsAsync(db, program.Id, ct).ConfigureAwait(false);
        var places = LotteryAlgorithm.Draw(seed, applications.Values.Select(a => new LotteryEntry(a.Id, a.Units)), unitsOnSale);
        foreach (var place in places)
        {
            var application = applications[place.ApplicationId];
            application.DrawPosition = place.Position;
            if (place.Won)
            {
                Allocation.MarkWon(application, sales, now);
            }
            else
            {
                application.Status = ApplicationStatus.Waiting;
            }
        }

        sales.LotteryDrawnAt = now.UtcDateTime;
        sales.UnitsReserved += places.Where(p => p.Won).Sum(p => p.Units);
        db.LotteryDraws.Add(new LotteryDraw
        {
            ProgramId = program.Id,
            Seed = seed,
            Algorithm = LotteryAlgorithm.Name,
            UnitsOnSale = unitsOnSale,
            Applications = places.Count,
            Winners = places.Count(p => p.Won),
            DrawnBy = command.Actor,
            DrawnAt = now.UtcDateTime,
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new LotteryResult(program.Code, seed, LotteryAlgorithm.Name, unitsOnSale, now.UtcDateTime, places);
    }
}
