using FeedHub.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Host.Web.Feeds;

/// <summary>
/// Sends a rendered document with HTTP caching: strong ETag, Last-Modified, a minute of public
/// caching, 304 for a matching If-None-Match (or, without one, If-Modified-Since), brotli or gzip
/// by Accept-Encoding, and HEAD answered with the headers and Content-Length only.
/// </summary>
public static class FeedResponse
{
    public const string CacheControl = "public, max-age=60";

    public static async Task SendAsync(HttpContext context, Rendered rendered)
    {
        var request = context.Request;
        var response = context.Response;
        var encoded = EncodedBody.Select(rendered, request.Headers.AcceptEncoding);
        var headers = response.GetTypedHeaders();
        response.Headers.ETag = encoded.ETag;
        headers.LastModified = rendered.LastModified;
        response.Headers.CacheControl = CacheControl;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (IsNotModified(request, encoded.ETag, rendered.LastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = ContentType(rendered.MediaType);
        if (encoded.ContentEncoding is not null)
            response.Headers.ContentEncoding = encoded.ContentEncoding;
        response.ContentLength = encoded.Body.Length;
        if (!HttpMethods.IsHead(request.Method))
            await response.Body.WriteAsync(encoded.Body, context.RequestAborted);
    }

    /// <summary>
    /// RFC 9110 §13.1.2 and §13.2.2: If-None-Match (weak comparison, a list or <c>*</c>) decides
    /// alone when present; otherwise If-Modified-Since, at the one-second precision of HTTP dates.
    /// </summary>
    private static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            var current = EntityTagHeaderValue.Parse(etag);
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }
        return headers.IfModifiedSince is { } since && lastModified is { } modified
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>The media type with its charset; JSON types take none (RFC 8259 is UTF-8 only).</summary>
    private static string ContentType(string mediaType) =>
        mediaType.EndsWith("json", StringComparison.Ordinal) ? mediaType : mediaType + "; charset=utf-8";

    /// <summary>A plain-text answer for a reader's mistake (400) or a missing feed (404).</summary>
    /// <summary>503 with Retry-After in whole seconds: the search gate is full (feeds and the dashboard's search alike).</summary>
    public static Task SendBusyAsync(HttpContext context, SearchBusyException busy)
    {
        context.Response.Headers.RetryAfter = busy.RetryAfterSeconds;
        return SendTextAsync(context, StatusCodes.Status503ServiceUnavailable, busy.Message);
    }

    public static Task SendTextAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
