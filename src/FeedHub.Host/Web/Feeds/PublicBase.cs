using FeedHub.Publishing;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web.Feeds;

/// <summary>
/// The public base URL feeds link to: <c>Web:PublicBaseUrl</c> when configured (needed behind a
/// reverse proxy), else the request's own scheme, host and path base.
/// </summary>
public sealed class PublicBase(PublicUrls? configured)
{
    public const string Setting = "Web:PublicBaseUrl";

    /// <summary>The URLs for this request, or null when it names no usable host (an HTTP/1.0 request without Host).</summary>
    public PublicUrls? For(HttpRequest request)
    {
        if (configured is not null)
            return configured;
        if (!request.Host.HasValue)
            return null;
        var text = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/";
        return Uri.TryCreate(text, UriKind.Absolute, out var url) ? new PublicUrls(url) : null;
    }
}
