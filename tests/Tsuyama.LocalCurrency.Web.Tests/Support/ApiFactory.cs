using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>The real web host over a real SQLite file in a temp folder, with a fake clock.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.example";
    public const string AdminPassword = "AdminPass2026";
    public const string ProviderSecret = "web-tests-provider-secret";

    /// <summary>2026-04-10 12:00 JST.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    public ApiFactory()
        : this(Path.Combine(Path.GetTempPath(), "tlc-web-tests", Guid.NewGuid().ToString("N")), tokenPermitsPerMinute: 10_000)
    {
    }

    protected ApiFactory(string directory, int tokenPermitsPerMinute)
    {
        Directory = directory;
        TokenPermitsPerMinute = tokenPermitsPerMinute;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }
    public int TokenPermitsPerMinute { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public string DatabasePath => Path.Combine(Directory, "ledger.db");

    /// <summary>
    /// Moves the clock to the real time, for hosts whose pages sign in: a cookie jar (HttpClient's or a browser's) keeps
    /// real time, and a page cookie whose expiry was written from the fixed test start would already have expired there.
    /// </summary>
    public void RunOnRealTime() => Clock.SetUtcNow(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Ledger", $"Data Source={DatabasePath}");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Sales:ProviderSecret", ProviderSecret);
        builder.UseSetting("RateLimiting:TokenPermitsPerMinute", TokenPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>A second host on the same database file, as after a restart.</summary>
public sealed class RestartedApiFactory(ApiFactory original) : ApiFactory(original.Directory, original.TokenPermitsPerMinute);

public sealed class StrictRateLimitApiFactory() : ApiFactory(Path.Combine(Path.GetTempPath(), "tlc-web-tests", Guid.NewGuid().ToString("N")),
    tokenPermitsPerMinute: 3);
