using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Sales.RunLottery;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.GetLotteryResult;

/// <summary>
/// The published result: seed, algorithm, units on sale and every application (by id only, no
/// resident data) in drawn order with whether the draw allocated it. Anyone can re-run the draw.
/// </summary>
public sealed record GetLotteryResultQuery(string ProgramCode) : IQuery<LotteryResult>;

internal sealed class GetLotteryResultHandler(LedgerDbContext db) : IRequestHandler<GetLotteryResultQuery, Result<LotteryResult>>
{
    public async Task<Result<LotteryResult>> Handle(GetLotteryResultQuery query, CancellationToken ct)
    {
        var draw = await (
            from d in db.LotteryDraws.AsNoTracking()
            join p in db.Programs.AsNoTracking() on d.ProgramId equals p.Id
            where p.Code == query.ProgramCode
            select d).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (draw is null)
        {
            return Error.NotFound("Lottery result", query.ProgramCode);
        }

        // The stored order; whether the draw allocated a place follows from it and the units on sale
        // (whole applications while they fit), so later lapses or payments do not change it.
        var drawn = await db.SalesApplications.AsNoTracking().Where(a => a.ProgramId == draw.ProgramId && a.DrawPosition != null)
            .OrderBy(a => a.DrawPosition).Select(a => new { a.Id, a.Units, Position = a.DrawPosition!.Value }).ToListAsync(ct).ConfigureAwait(false);
        var left = draw.UnitsOnSale;
        var places = new List<LotteryPlace>(drawn.Count);
        foreach (var a in drawn)
        {
            var won = a.Units <= left;
            left -= won ? a.Units : 0;
            places.Add(new LotteryPlace(a.Position, a.Id, a.Units, won));
        }

        return new LotteryResult(query.ProgramCode, draw.Seed, draw.Algorithm, draw.UnitsOnSale, draw.DrawnAt, places);
    }
}
