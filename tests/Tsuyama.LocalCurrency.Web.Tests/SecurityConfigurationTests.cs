using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Hosting;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>Wrong security settings stop start-up with one line (Program prints a <see cref="ConfigurationError"/>).</summary>
public sealed class SecurityConfigurationTests
{
    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.300", "is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/40", "is not a network")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0", "must be 1 or more")]
    public void ForwardedHeaders_WithABadSetting_IsAConfigurationError(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var act = () => ClientNetwork.AddForwardedHeaders(new ServiceCollection(), configuration);

        act.Should().Throw<ConfigurationError>().WithMessage($"*{message}*");
    }

    [Fact]
    public void KeyRing_WithAWrongCertificatePassword_IsAConfigurationErrorNamingTheSetting()
    {
        var directory = Directory.CreateTempSubdirectory("tlc-cert-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("DataProtection:CertificatePath", TestCertificate.Create(directory)),
            new("DataProtection:CertificatePassword", "not-the-password"),
        ]).Build();

        var act = () => KeyRingProtection.Configure(new ServiceCollection().AddDataProtection(), configuration, Environment(Environments.Production));

        act.Should().Throw<ConfigurationError>().WithMessage("*DataProtection:CertificatePath*");
    }

    [Fact]
    public void KeyRing_WithoutACertificateOutsideProduction_IsAllowed()
    {
        var act = () => KeyRingProtection.Configure(new ServiceCollection().AddDataProtection(), new ConfigurationBuilder().Build(),
            Environment(Environments.Development));

        act.Should().NotThrow();
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
