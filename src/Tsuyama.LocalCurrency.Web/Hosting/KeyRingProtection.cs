using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Hosting;

/// <summary>
/// The data-protection key ring signs and encrypts the bearer tokens and lives in the ledger
/// database, so a copy of the database would let anyone forge an Admin token. With
/// <c>DataProtection:CertificatePath</c> (a PKCS#12 file with its private key) and
/// <c>DataProtection:CertificatePassword</c> every key is stored encrypted with the certificate.
/// Production refuses to start without it; other environments log a warning.
/// </summary>
internal static partial class KeyRingProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static void Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (environment.IsProduction())
            {
                throw new ConfigurationError($"{CertificatePathKey} is required in Production: without it the token-signing keys are stored "
                    + "unencrypted in the ledger database (set it to a PKCS#12 file and DataProtection__CertificatePassword).");
            }

            dataProtection.Services.AddHostedService<UnprotectedKeysWarning>();
            return;
        }

        dataProtection.ProtectKeysWithCertificate(Load(path, configuration[CertificatePasswordKey]));
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationError($"{CertificatePathKey} '{path}' cannot be read as a PKCS#12 certificate with {CertificatePasswordKey}: {ex.Message}");
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new ConfigurationError($"{CertificatePathKey} '{path}' must hold an RSA certificate with its private key (it decrypts the stored keys).");
        }

        return certificate;
    }

    private sealed partial class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger, IHostEnvironment environment) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogUnprotected(environment.EnvironmentName, CertificatePathKey);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Data-protection keys are stored unencrypted in the ledger database ({Environment}); a copy of it can forge tokens. "
                + "Set {Setting} (required in Production).")]
        private partial void LogUnprotected(string environment, string setting);
    }
}
