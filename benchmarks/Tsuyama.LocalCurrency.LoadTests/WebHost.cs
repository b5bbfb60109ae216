using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>
/// The real web host as its own process on 127.0.0.1 (a free port) over a fresh SQLite file, configured as an
/// operator would run it in Production: encrypted key ring, bootstrap admin, warnings-only logging.
/// </summary>
internal sealed class WebHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@load.example";
    public const string FirstPassword = "LoadAdmin2026";

    private readonly Process _process;

    private WebHost(Process process, Uri address, string databasePath)
    {
        _process = process;
        BaseAddress = address;
        DatabasePath = databasePath;
    }

    public Uri BaseAddress { get; }
    public string DatabasePath { get; }
    public int ProcessId => _process.Id;

    public static async Task<WebHost> StartAsync(string directory, int maxGroupCommit, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var databasePath = Path.Combine(directory, "ledger.db");
        var dll = WebHostDll();
        // Run from the host's own folder, as deployed (its appsettings.json applies), with the database outside it: the
        // configuration file watcher on the content root would otherwise wake up for every write to the WAL file.
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = address.ToString();
        info.Environment["ConnectionStrings__Ledger"] = $"Data Source={databasePath}";
        info.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        info.Environment["Bootstrap__AdminPassword"] = FirstPassword;
        info.Environment["RateLimiting__TokenPermitsPerMinute"] = "100000";
        // Production refuses unencrypted token-signing keys: a throw-away certificate, as an operator would configure one.
        info.Environment["DataProtection__CertificatePath"] = KeyRingCertificate(directory);
        info.Environment["DataProtection__CertificatePassword"] = "load";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Ledger__MaxGroupCommit"] = maxGroupCommit.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new WebHost(process, address, databasePath);
        try
        {
            await host.WaitForHealthAsync();
        }
        catch
        {
            // A host that never became healthy must not outlive the tool.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Peak resident set size of the host process so far (VmHWM), in bytes.</summary>
    public long PeakRss() => ReadStatus("VmHWM:");

    public long CurrentRss() => ReadStatus("VmRSS:");

    private long ReadStatus(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}");
    }

    private async Task WaitForHealthAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
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
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The web host did not answer /health within 90 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string WebHostDll()
    {
        var baseDir = AppContext.BaseDirectory;
        var release = $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}";
        var configuration = baseDir.Contains(release, StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(baseDir);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tsuyama.LocalCurrency.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException($"No Tsuyama.LocalCurrency.sln above {baseDir}."),
            "src", "Tsuyama.LocalCurrency.Web", "bin", configuration, "net10.0", "Tsuyama.LocalCurrency.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/Tsuyama.LocalCurrency.Web ({configuration}) first.", path);
    }

    private static string KeyRingCertificate(string directory)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=load-keyring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(directory, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "load"));
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
