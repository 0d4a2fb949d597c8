using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Host.Web;

/// <summary>
/// Who may reach the server and whom it believes: <c>Web:KnownProxies</c> (addresses or CIDR ranges of
/// reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Prefix</c> are honoured; empty = none)
/// and <c>Web:AllowedNetworks</c> (CIDR ranges of clients allowed in; empty = everyone). Both are
/// checked when the app is built, so a bad entry stops `run` with exit code 2.
/// </summary>
public static class NetworkAccess
{
    public const string KnownProxiesSetting = "Web:KnownProxies";
    public const string AllowedNetworksSetting = "Web:AllowedNetworks";

    /// <summary>Parses a list of CIDR ranges (a bare address means just that address), naming the setting and entry on error.</summary>
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> entries, string setting) =>
        entries.Select((entry, i) =>
        {
            var text = entry.Trim();
            if (!text.Contains('/') && IPAddress.TryParse(text, out var address))
                return new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return IPNetwork.TryParse(text, out var network)
                ? network
                : throw new ArgumentException($"{setting}:{i}: '{entry}' is not an address or CIDR range such as 192.168.10.0/24", setting);
        }).ToList();

    /// <summary>Forwarded headers from known proxies first (so the allow-list sees the real client), then the allow-list.</summary>
    public static WebApplication UseNetworkAccess(this WebApplication app)
    {
        var proxies = Networks(app.Configuration, KnownProxiesSetting);
        var allowed = Networks(app.Configuration, AllowedNetworksSetting);
        if (proxies.Count > 0)
        {
            var options = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix,
            };
            // Only the configured proxies, not the loopback default: a local process must not fake a client.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies) options.KnownIPNetworks.Add(proxy);
            app.UseForwardedHeaders(options);
        }
        if (allowed.Count > 0)
            app.Use(async (context, next) =>
            {
                if (context.Connection.RemoteIpAddress is { } remote && allowed.Any(n => n.Contains(Normalise(remote))))
                {
                    await next(context);
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"403 Forbidden: this address is not in {AllowedNetworksSetting}.\n");
            });
        return app;
    }

    /// <summary>The ranges listed under <paramref name="setting"/> (<see cref="KnownProxiesSetting"/> or <see cref="AllowedNetworksSetting"/>).</summary>
    public static IReadOnlyList<IPNetwork> Networks(IConfiguration configuration, string setting) =>
        Parse(configuration.GetSection(setting).Get<string[]>() ?? [], setting);

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
