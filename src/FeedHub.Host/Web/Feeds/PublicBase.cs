using System.Net.Sockets;
using FeedHub.Publishing;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web.Feeds;

/// <summary>
/// The public base URL feeds link to: <c>Web:PublicBaseUrl</c> when configured (needed behind a
/// reverse proxy or for a host name), else the address the server was reached on — the listen
/// address of the connection, never the request's Host header, which any client can forge and
/// which would then be served from a shared cache to everyone.
/// </summary>
public sealed class PublicBase(PublicUrls? configured)
{
    public const string Setting = "Web:PublicBaseUrl";

    /// <summary>The URLs for this request, or null when it names no usable host (an HTTP/1.0 request without Host).</summary>
    public PublicUrls? For(HttpRequest request)
    {
        if (configured is not null)
            return configured;
        var connection = request.HttpContext.Connection;
        if (!request.Host.HasValue || connection.LocalIpAddress is not { } address)
            return null;
        var host = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var authority = host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString();
        var text = $"{request.Scheme}://{authority}:{connection.LocalPort}{request.PathBase.ToUriComponent()}/";
        return Uri.TryCreate(text, UriKind.Absolute, out var url) ? new PublicUrls(url) : null;
    }
}
