using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web;

/// <summary>
/// Response headers that keep a hostile item from turning the dashboard against its readers: HTML pages
/// may run no script at all, load styles only from FeedHub, and never be framed; no response is sniffed
/// into another type. A page that sets its own (narrower) policy keeps it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No script anywhere (not even inline), styles from FeedHub only, images from anywhere (items link them), no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self'; img-src 'self' data: https: http:; script-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
