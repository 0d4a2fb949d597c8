using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace FeedHub.Fetching;

/// <summary>
/// Decides which hosts and addresses FeedHub may contact, so a hostile page or redirect cannot turn the
/// crawler against the operator's network: only configured sources' hosts and hosts their redirects lead
/// to, and never a special-purpose address (private, loopback, shared, link-local, benchmarking,
/// documentation, reserved, multicast) unless a configured source itself lives there — at that host and
/// port only, so a redirect to another port of the source's loopback host (an admin endpoint) is refused.
/// The address check runs on the resolved IP at connect time (<see cref="ConnectAsync"/>), which defeats
/// DNS rebinding.
/// </summary>
public sealed class OutboundPolicy
{
    /// <summary>
    /// Every range of the IANA IPv4 and IPv6 Special-Purpose Address Registries that is not globally
    /// reachable, plus multicast and the IPv6 ranges that embed an IPv4 address (6to4, Teredo): none of
    /// them is a news site, and some (100.100.100.200, a cloud metadata service) are worth stealing.
    /// </summary>
    private static readonly IPNetwork[] SpecialPurpose =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16",
            "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private volatile FrozenSet<string> sourceHosts = FrozenSet<string>.Empty;
    private volatile FrozenSet<string> sourceEndpoints = FrozenSet<string>.Empty;
    private volatile ConcurrentDictionary<string, byte> redirectHosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Replaces the configured sources (at start-up and on config reload); hosts learned from earlier
    /// redirects are forgotten and relearned when the sources redirect again.
    /// </summary>
    public void Allow(IEnumerable<Uri> sourceUrls)
    {
        var urls = sourceUrls.ToList();
        sourceHosts = urls.Select(HostOf).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        sourceEndpoints = urls.Select(u => Endpoint(HostOf(u), u.Port)).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        redirectHosts = new ConcurrentDictionary<string, byte>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Records that an allowed page redirected to <paramref name="target"/>, whose host may be contacted from now on.</summary>
    public void AdmitRedirectTarget(Uri target) => redirectHosts.TryAdd(HostOf(target), 0);

    /// <summary>Why <paramref name="url"/> may not be fetched, or null when its scheme and host are allowed.</summary>
    public string? RefusalOf(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            return $"scheme '{url.Scheme}' is not fetched";
        var host = HostOf(url);
        return sourceHosts.Contains(host) || redirectHosts.ContainsKey(host)
            ? null
            : $"host {host} is neither a configured source's host nor reached by a source's redirect";
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, drops addresses it may not
    /// reach, and connects to the first remaining one.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var port = context.DnsEndPoint.Port;
        var reachable = addresses.Where(address => PermitsAddress(host, port, address)).ToArray();
        if (reachable.Length == 0)
            throw new OutboundRefusedException(
                $"host {host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, a private or local address, and port {port} of it is not a configured source's own host and port");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(reachable, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True when <paramref name="host"/> may be reached at <paramref name="address"/> on <paramref name="port"/>.</summary>
    public bool PermitsAddress(string host, int port, IPAddress address) =>
        !IsPrivate(address) || sourceEndpoints.Contains(Endpoint(host.Trim('[', ']').ToLowerInvariant(), port));

    /// <summary>An address in one of the <see cref="SpecialPurpose"/> ranges (an IPv4-mapped IPv6 address as its IPv4 one).</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return SpecialPurpose.Any(range => range.Contains(address));
    }

    private static string HostOf(Uri url) => url.IdnHost.Trim('[', ']').ToLowerInvariant();

    private static string Endpoint(string host, int port) => $"{host}:{port}";
}
