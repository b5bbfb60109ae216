using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations to the configured database");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using var scope = services.CreateAsyncScope();
            var applied = await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>(), ct);
            ResultOutput.Ok(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
