using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Papers.GetPaymentNotice;
using Tsuyama.LocalCurrency.Features.Papers.GetRedemptionInvoice;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlement;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>The city office prints a settlement's papers for mailing: every shop's invoice and payment notice.</summary>
internal static class PapersCommand
{
    public static readonly Option<string> Settlement = new("--settlement")
    {
        Description = "Settlement id (as printed by settle)",
        Required = true,
    };

    public static readonly Option<DirectoryInfo> Out = new("--out")
    {
        Description = "Folder for one qualified invoice (適格請求書) and one payment notice (支払通知書) per shop, HTML and CSV",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("papers", "Write a settlement's qualified invoices and payment notices (reissues are marked 再発行)") { Settlement, Out };
        command.SetAction(async (parse, ct) =>
        {
            if (!Guid.TryParse(parse.GetValue(Settlement), out var settlementId))
            {
                return ResultOutput.Fail($"--settlement must be a settlement id, got '{parse.GetValue(Settlement)}'.");
            }

            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using var scope = services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var view = await mediator.Send(new GetSettlementQuery(settlementId), ct);
            if (!view.IsSuccess)
            {
                return ResultOutput.Fail(view.Error);
            }

            var folder = parse.GetValue(Out)!;
            folder.Create();
            var reader = PaperReader.CityOffice("cli:papers");
            var paid = view.Value.Lines.Select(l => l.MerchantId).Distinct().ToList();
            var written = new List<string>();
            foreach (var format in new[] { PaperFormat.Html, PaperFormat.Csv })
            {
                foreach (var shop in paid)
                {
                    written.Add(await SaveAsync(folder, await mediator.Send(new GetRedemptionInvoiceCommand(settlementId, shop, reader, format), ct), ct));
                }

                foreach (var shop in paid.Concat(view.Value.HeldBack.Select(h => h.MerchantId)).Distinct())
                {
                    written.Add(await SaveAsync(folder, await mediator.Send(new GetPaymentNoticeCommand(settlementId, shop, reader, format), ct), ct));
                }
            }

            foreach (var file in written)
            {
                AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(file)}[/]");
            }

            ResultOutput.Ok($"{written.Count} file(s) for {paid.Count} paid and {view.Value.HeldBack.Count} held-back shop(s) of settlement {settlementId}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<string> SaveAsync(DirectoryInfo folder, Result<SettlementFile> file, CancellationToken ct)
    {
        if (!file.IsSuccess)
        {
            throw new InvalidOperationException($"{file.Error.Title}: {file.Error.Detail}");
        }

        var path = Path.Combine(folder.FullName, file.Value.FileName);
        await File.WriteAllBytesAsync(path, file.Value.Content, ct);
        return path;
    }
}
