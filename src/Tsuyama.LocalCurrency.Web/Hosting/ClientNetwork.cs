using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Hosting;

/// <summary>
/// Who the client is, for the per-IP sign-in limit. Behind a reverse proxy the client address is
/// taken from <c>X-Forwarded-For</c>, but only when the request comes from a configured proxy
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>); anyone else could
/// write any address into that header.
/// </summary>
internal static class ClientNetwork
{
    public static void AddForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        // Parsed here, not in the options callback, so a typo stops start-up with one line.
        var proxies = List(configuration.GetSection("ForwardedHeaders:KnownProxies"))
            .Select(p => IPAddress.TryParse(p, out var ip) ? ip : throw new ConfigurationError($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."))
            .ToList();
        var networks = List(configuration.GetSection("ForwardedHeaders:KnownNetworks"))
            .Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
                : throw new ConfigurationError($"ForwardedHeaders:KnownNetworks: '{n}' is not a network such as 10.0.0.0/8."))
            .ToList();
        var limit = configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);
        if (limit < 1)
        {
            throw new ConfigurationError("ForwardedHeaders:ForwardLimit must be 1 or more (the number of proxies in front of the host).");
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = limit;
            if (proxies.Count + networks.Count > 0)
            {
                // The configured list replaces the loopback default.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }
        });
    }

    /// <summary>
    /// The rate-limit bucket of a client: its IPv4 address, or its IPv6 /64 (one subscriber's
    /// prefix; counting single IPv6 addresses would give an attacker 2^64 buckets).
    /// </summary>
    public static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>A list as array entries (<c>KnownProxies__0</c>) or one comma-separated value.</summary>
    private static IEnumerable<string> List(IConfigurationSection section) =>
        (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim()).Where(v => v.Length > 0);
}
