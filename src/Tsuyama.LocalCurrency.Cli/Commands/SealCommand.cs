using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class SealCommand
{
    public static Command Create()
    {
        var command = new Command("seal", "Chain all unsealed transfers into new seal blocks (tamper evidence)");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            var result = await Seal.RunAsync(services, ct);
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            ResultOutput.Ok($"Sealed {result.Value.TransfersSealed} transfers into {result.Value.BlocksAdded} new block(s).");
            // The head on its own line: keep it outside the database and pass it to `verify --anchor`.
            Console.WriteLine($"head {result.Value.Head ?? "(no blocks yet)"}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

internal static class Seal
{
    public static async Task<Common.Result<SealResult>> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SealLedgerCommand(TimeSpan.Zero), ct);
    }
}
