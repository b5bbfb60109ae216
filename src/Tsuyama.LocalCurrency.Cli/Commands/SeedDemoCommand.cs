using System.CommandLine;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class SeedDemoCommand
{
    private static readonly Option<int> Residents = new("--residents") { Description = "Residents to register", DefaultValueFactory = _ => 200 };
    private static readonly Option<int> Payments = new("--payments") { Description = "Payments to make", DefaultValueFactory = _ => 3000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Random seed, for a repeatable data set", DefaultValueFactory = _ => 42 };

    public static Command Create()
    {
        var command = new Command("seed-demo", "Create a demo program, ~20 merchants, residents, payments, refunds and merchant transfers")
        {
            Residents, Payments, Seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var residents = parse.GetValue(Residents);
            var payments = parse.GetValue(Payments);
            if (residents is < 1 or > 100_000 || payments is < 0 or > 1_000_000)
            {
                return ResultOutput.Fail("--residents must be 1–100000 and --payments 0–1000000.");
            }

            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
                await DatabaseMigrator.MigrateAsync(db, ct);
                if (await db.Programs.AnyAsync(p => p.Code == DemoData.ProgramCode, ct))
                {
                    return ResultOutput.Fail($"This database already holds the demo program '{DemoData.ProgramCode}'; use a fresh --db.");
                }
            }

            var seeder = new DemoSeeder(services, new Random(parse.GetValue(Seed)));
            DemoSummary? summary = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress => summary = await seeder.RunAsync(progress, residents, payments, ct));
            if (summary is null)
            {
                return ResultOutput.Fail("seeding did not complete");
            }

            var sealedResult = await Commands.Seal.RunAsync(services, ct);
            if (!sealedResult.IsSuccess)
            {
                return ResultOutput.Fail(sealedResult.Error);
            }

            ResultOutput.Ok(summary.ToString());
            AnsiConsole.MarkupLine(Markup.Escape($"Demo sign-ins (password {DemoData.Password}): {string.Join(", ", summary.SignIns)}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
