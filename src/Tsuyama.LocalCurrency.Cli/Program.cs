using System.CommandLine;
using Tsuyama.LocalCurrency.Cli.Commands;
using Tsuyama.LocalCurrency.Cli.Infrastructure;

var root = new RootCommand("Tsuyama local currency — operator CLI (DESIGN §9)")
{
    CommonOptions.Db,
    MigrateCommand.Create(),
    SeedDemoCommand.Create(),
    SealCommand.Create(),
    VerifyCommand.Create(),
    SimulateCommand.Create(),
    SettleCommand.Create(),
    PapersCommand.Create(),
    ExpireCommand.Create(),
    AnalyzeCommand.Create(),
    ResetPasswordCommand.Create(),
    LotteryCommand.Create(),
    GrantCommand.Create(),
};

return await CliRunner.RunAsync(root, args);
