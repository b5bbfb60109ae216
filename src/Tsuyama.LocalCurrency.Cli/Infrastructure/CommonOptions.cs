using System.CommandLine;

namespace Tsuyama.LocalCurrency.Cli.Infrastructure;

internal static class CommonOptions
{
    /// <summary>Every command takes --db: a SQLite file path or a full connection string.</summary>
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "SQLite file path or connection string (default: ConnectionStrings:Ledger, else data/ledger.db)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print the result as JSON" };
}

internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command ran and found the ledger broken (verify).</summary>
    public const int Problems = 1;
    /// <summary>The command could not do its work: bad input or an unusable database.</summary>
    public const int Failed = 2;
}
