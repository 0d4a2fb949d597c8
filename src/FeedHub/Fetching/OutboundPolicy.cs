using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace FeedHub.Fetching;

/// <summary>
/// Decides which hosts and addresses FeedHub may contact, so a hostile page or redirect cannot turn the
/// crawler against the operator's network: only configured sources' hosts and hosts their redirects lead
/// to, and never a private, loopback or link-local address unless a configured source itself lives there.
/// The address check runs on the resolved IP at connect time (<see cref="ConnectAsync"/>), which defeats
/// DNS rebinding.
/// </summary>
public sealed class OutboundPolicy
{
    private volatile FrozenSet<string> sourceHosts = FrozenSet<string>.Empty;
    private volatile ConcurrentDictionary<string, byte> redirectHosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Replaces the configured sources (at start-up and on config reload); hosts learned from earlier
    /// redirects are forgotten and relearned when the sources redirect again.
    /// </summary>
    public void Allow(IEnumerable<Uri> sourceUrls)
    {
        sourceHosts = sourceUrls.Select(HostOf).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
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
        var reachable = addresses.Where(address => PermitsAddress(host, address)).ToArray();
        if (reachable.Length == 0)
            throw new OutboundRefusedException(
                $"host {host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, a private or local address, and is not a configured source's own host");

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

    /// <summary>True when <paramref name="host"/> may be reached at <paramref name="address"/>.</summary>
    public bool PermitsAddress(string host, IPAddress address) =>
        !IsPrivate(address) || sourceHosts.Contains(host.Trim('[', ']').ToLowerInvariant());

    /// <summary>Loopback, private (RFC 1918), link-local, unique-local or unspecified addresses, IPv4 and IPv6.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168);
        }
        var v6 = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6Loopback)
            || address.Equals(IPAddress.IPv6Any)
            || (v6[0] & 0xFE) == 0xFC
            || (v6[0] == 0xFE && (v6[1] & 0xC0) == 0x80);
    }

    private static string HostOf(Uri url) => url.IdnHost.Trim('[', ']').ToLowerInvariant();
}
