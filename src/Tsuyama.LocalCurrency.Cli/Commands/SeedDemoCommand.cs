using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class SeedDemoCommand
{
    private static readonly Option<int> Days = new("--days") { Description = "Days of past activity, ending yesterday (JST)", DefaultValueFactory = _ => 60 };
    private static readonly Option<int> Residents = new("--residents") { Description = "Residents to register", DefaultValueFactory = _ => 200 };
    private static readonly Option<int> Payments = new("--payments") { Description = "Payments to make", DefaultValueFactory = _ => 3000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Random seed, for a repeatable data set", DefaultValueFactory = _ => 42 };

    public static Command Create()
    {
        var command = new Command("seed-demo",
            "Replay the past --days days: demo programs, ~20 merchants, residents buying, paying, refunds, transfers, settlements, reminders, expiry")
        {
            Days, Residents, Payments, Seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var days = parse.GetValue(Days);
            var residents = parse.GetValue(Residents);
            var payments = parse.GetValue(Payments);
            if (days is < 1 or > 730 || residents is < 1 or > 100_000 || payments is < 0 or > 1_000_000)
            {
                return ResultOutput.Fail("--days must be 1–730, --residents 1–100000 and --payments 0–1000000.");
            }

            // Midnight JST of the first replayed day; the seeder moves it on from there.
            var clock = new DemoClock(new DateTimeOffset(JapanTime.Today(TimeProvider.System).AddDays(-days).ToDateTime(TimeOnly.MinValue), JapanTime.Offset));
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db), clock);
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
                await DatabaseMigrator.MigrateAsync(db, ct);
                if (await db.Programs.AnyAsync(p => p.Code == DemoData.ProgramCode || p.Code == DemoData.ShortProgramCode, ct))
                {
                    return ResultOutput.Fail($"This database already holds the demo program '{DemoData.ProgramCode}'; use a fresh --db.");
                }

                // Past settlements are replayed in order, and cutoffs only ever increase: an existing one would stop the replay halfway.
                if (await db.Settlements.AnyAsync(ct))
                {
                    return ResultOutput.Fail("This database already holds settlements; seed-demo replays past settlements and needs a fresh --db.");
                }
            }

            var seeder = new DemoSeeder(services, clock, new Random(parse.GetValue(Seed)));
            DemoSummary? summary = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress => summary = await seeder.RunAsync(progress, days, residents, payments, ct));
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
