using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>A self-signed RSA certificate in a PKCS#12 file, as an operator would configure for the key ring.</summary>
public static class TestCertificate
{
    public const string Password = "cert-pass-2026";

    /// <summary>Creates the file once per folder: a restarted host must find the same certificate.</summary>
    public static string Create(string directory)
    {
        var path = Path.Combine(directory, "keyring.pfx");
        if (File.Exists(path))
        {
            return path;
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=tsuyama-test-keyring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}

/// <summary>The host as deployed: Production, with the key ring protected by a certificate.</summary>
public class ProductionApiFactory : ApiFactory
{
    public ProductionApiFactory()
    {
    }

    protected ProductionApiFactory(string directory)
        : base(directory, tokenPermitsPerMinute: 10_000)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("DataProtection:CertificatePath", TestCertificate.Create(Directory));
        builder.UseSetting("DataProtection:CertificatePassword", TestCertificate.Password);
    }
}

/// <summary>A second Production host on the same database and certificate, as after a restart.</summary>
public sealed class RestartedProductionApiFactory(ProductionApiFactory original) : ProductionApiFactory(original.Directory);

/// <summary>
/// Behind a reverse proxy at 10.0.0.1, with a strict sign-in limit. TestServer has no real peer, so a
/// test header stands for the TCP peer address (set before any of the host's middleware runs).
/// </summary>
public sealed class ProxiedApiFactory() : ApiFactory(Path.Combine(Path.GetTempPath(), "tlc-web-tests", Guid.NewGuid().ToString("N")), tokenPermitsPerMinute: 2)
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.0.0.1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies", Proxy);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> inner) =>
            {
                if (context.Request.Headers[PeerHeader] is [{ } peer])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                }

                return inner();
            });
            next(app);
        };
    }
}

/// <summary>A factory of its own: these tests move the clock.</summary>
public sealed class TokenLifetimeApiFactory : ApiFactory;

/// <summary>An operator's own lockout rule: 2 failures → 1 hour.</summary>
public sealed class StrictLockoutApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:Lockout:MaxFailedAccessAttempts", "2");
        builder.UseSetting("Identity:Lockout:DefaultLockoutTimeSpan", "01:00:00");
    }
}
