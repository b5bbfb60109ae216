using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.FaultHarness;

/// <summary>The real web host as a separate process on 127.0.0.1, on a given database (a SQLite file unless told); killed with SIGKILL.</summary>
public sealed class WebHostProcess : IDisposable
{
    public const string AdminEmail = "admin@harness.example";
    public const string AdminPassword = "HarnessAdmin2026";

    private readonly DatabaseOptions _database;
    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    public WebHostProcess(string databasePath)
        : this(DatabaseOptions.Sqlite(databasePath), Path.GetDirectoryName(databasePath)!)
    {
    }

    /// <param name="settings">Extra configuration as environment variables, e.g. <c>Jobs__SealCron</c>.</param>
    public WebHostProcess(DatabaseOptions database, string workingDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        _workingDirectory = workingDirectory;
        _settings = settings ?? new Dictionary<string, string>();
        Port = FreePort();
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public int Starts { get; private set; }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(ProcessPaths.WebHostDll);
        // Not Production: that asks for a key-ring certificate and a changed bootstrap password,
        // neither of which a crash round is about. Staging keeps the release pipeline otherwise.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        info.Environment["Database__Provider"] = _database.Provider.ToString();
        info.Environment["ConnectionStrings__Ledger"] = _database.ConnectionString;
        info.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        info.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        info.Environment["RateLimiting__TokenPermitsPerMinute"] = "100000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in _settings)
        {
            info.Environment[name] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web host exited with {_process.ExitCode} during start-up.");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The web host did not answer /health within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, like a power cut to the process.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
