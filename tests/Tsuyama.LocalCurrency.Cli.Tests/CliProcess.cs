using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Tsuyama.LocalCurrency.Cli.Tests;

/// <summary>Runs the real CLI as an operator would: a separate process, exit code, stdout and stderr.</summary>
public sealed class CliProcess : IDisposable
{
    public CliProcess()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tsuyama-cli-").FullName;
    }

    public string Directory { get; }

    public string Db => Path.Combine(Directory, "ledger.db");

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tsuyama-lc.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
