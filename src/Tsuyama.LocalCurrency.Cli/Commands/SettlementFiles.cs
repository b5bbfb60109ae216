using Tsuyama.LocalCurrency.Common;
using MediatR;
using Spectre.Console;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementZengin;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>Writes the Zengin file and every merchant's statements of a settlement into a folder.</summary>
internal static class SettlementFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(IMediator mediator, SettlementView settlement, DirectoryInfo folder, CancellationToken ct)
    {
        folder.Create();
        var written = new List<string>();
        var zengin = await mediator.Send(new GetSettlementZenginQuery(settlement.SettlementId), ct);
        if (zengin.IsSuccess)
        {
            written.Add(await SaveAsync(folder, zengin.Value, ct));
        }
        else if (zengin.Error.Type == ProblemTypes.NothingToPay)
        {
            AnsiConsole.MarkupLine("[yellow]No merchant is owed a payout, so no Zengin file was written.[/]");
        }
        else
        {
            throw new InvalidOperationException($"The settlement ran, but its Zengin file could not be written: {zengin.Error.Detail}");
        }

        foreach (var merchant in settlement.Lines.Select(l => l.MerchantId).Distinct())
        {
            foreach (var format in new[] { StatementFormat.Html, StatementFormat.Csv })
            {
                var statement = await mediator.Send(new GetSettlementStatementQuery(settlement.SettlementId, merchant, format), ct);
                if (!statement.IsSuccess)
                {
                    throw new InvalidOperationException($"The statement of merchant {merchant} could not be written: {statement.Error.Detail}");
                }

                written.Add(await SaveAsync(folder, statement.Value, ct));
            }
        }

        return written;
    }

    private static async Task<string> SaveAsync(DirectoryInfo folder, SettlementFile file, CancellationToken ct)
    {
        var path = Path.Combine(folder.FullName, file.FileName);
        await File.WriteAllBytesAsync(path, file.Content, ct);
        return path;
    }
}
