using System.Net;
using System.Net.Sockets;

namespace FeedHub.Host.Cli;

/// <summary>
/// Checks `--urls` before the web server starts, so a typo or a busy port is one line naming the address
/// instead of Kestrel's exception after the whole worker has been built.
/// </summary>
public static class ListenUrls
{
    /// <exception cref="ArgumentException">An address is not an http:// or https:// URL with a host (exit code 2).</exception>
    /// <exception cref="IOException">The port is already taken on that address (exit code 1).</exception>
    public static string Check(string text, string flag)
    {
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcards (http://*:5080, http://+:5080) are not valid URI hosts; read them as "any address".
            var wildcard = part.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
                throw new ArgumentException($"{flag}: '{part}' is not an http:// or https:// address (e.g. http://127.0.0.1:5080)");
            if (Address(url) is { } address && !IsFree(address, url.Port))
                throw new IOException($"{flag}: port {url.Port} on {url.Host} is already in use (another feedhub run?); choose another with {flag}");
        }
        return text;
    }

    private static IPAddress? Address(Uri url) =>
        url.IsLoopback && !IPAddress.TryParse(url.Host.Trim('[', ']'), out _) ? IPAddress.Loopback
        : IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) ? address
        : null;

    private static bool IsFree(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}
