using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web;

/// <summary>
/// Response headers that keep a hostile item from turning the dashboard against its readers: HTML pages
/// may run no script at all, load styles only from FeedHub, and never be framed; no response is sniffed
/// into another type. This is the one policy: every HTML page is sent with it, and docs/reliability.md quotes it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Nothing loads unless named: no script anywhere (not even inline), styles only from FeedHub's own
    /// stylesheet, images only from FeedHub, forms only to FeedHub, no &lt;base&gt;, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
