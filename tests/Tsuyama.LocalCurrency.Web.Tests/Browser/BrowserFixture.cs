using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>The real host on Kestrel at 127.0.0.1 over a real SQLite file, and one headless Chromium.</summary>
public sealed class BrowserHost : ApiFactory
{
    public BrowserHost()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        RunOnRealTime();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the build's precompressed assets (obj/…/compressed) are found only through this manifest,
        // as `dotnet publish` would place them beside wwwroot; a browser asks for them (Accept-Encoding).
        builder.UseStaticWebAssets();
    }

    public Uri BaseUrl
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }
}

public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string AxeSource = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe-core", "axe.min.js"));

    private IPlaywright? _playwright;

    public BrowserHost Host { get; } = new();

    public Api Api => new(Host);

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            return;
        }

        _ = Host.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync();
    }

    /// <summary>
    /// Another headless Chromium with launch-time switches added (such as a fake camera), for the one
    /// test that needs them; the caller disposes it.
    /// </summary>
    public Task<IBrowser> LaunchAsync(params string[] extraArgs) =>
        _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", .. extraArgs],
        });

    /// <summary>One person's phone: 390×844, Japanese, Tokyo time; axe is loaded into every page.</summary>
    /// <param name="who">Names the screenshots.</param>
    /// <param name="browser">A browser from <see cref="LaunchAsync"/>; the shared one otherwise.</param>
    public Task<Phone> PhoneAsync(string who, IBrowser? browser = null) =>
        OpenAsync(browser ?? Browser, who, new ViewportSize { Width = 390, Height = 844 }, mobile: true);

    /// <summary>A staff member's desktop for the consoles: 1280×800, Japanese, Tokyo time, with the same checks.</summary>
    public Task<Phone> DesktopAsync(string who) => OpenAsync(Browser, who, new ViewportSize { Width = 1280, Height = 800 }, mobile: false);

    private async Task<Phone> OpenAsync(IBrowser browser, string who, ViewportSize size, bool mobile)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseUrl.ToString(),
            ViewportSize = size,
            DeviceScaleFactor = 1,
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "ja-JP",
            TimezoneId = Domain.JapanTime.ZoneId,
            AcceptDownloads = true,
        });
        // An init script runs before the page's own and outside its CSP, so the strict policy stays on under test.
        await context.AddInitScriptAsync(AxeSource);
        var page = await context.NewPageAsync();
        var phone = new Phone(who, context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                phone.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => phone.ConsoleErrors.Add(error);
        return phone;
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await Host.DisposeAsync();
    }

    private static string FindScreenshotDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsuyama.LocalCurrency.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>One person's browser context and page, with the checks every screen gets.</summary>
public sealed class Phone(string who, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context => context;
    public IPage Page => page;
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>
    /// Saves a screenshot of the whole screen, then audits it: axe (no serious or critical
    /// violations), no horizontal scrolling at the screen's width, body text ≥ 16 px, no CSP violation or script error.
    /// </summary>
    public async Task CheckScreenAsync(string name)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{who}-{name}.png"), FullPage = true });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }
            """);
        violations.EnumerateArray().Select(v => v.GetString()).Should().BeEmpty($"axe on {name} ({page.Url})");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0, $"{name} must not scroll sideways");
        var bodySize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        bodySize.Should().BeGreaterThanOrEqualTo(16, $"body text on {name}");
        ConsoleErrors.Should().BeEmpty($"no script errors or CSP violations on {name}");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
