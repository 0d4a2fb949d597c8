using System.Globalization;
using System.Text;
using FeedHub.Fixtures.Pages;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Fixtures;

/// <summary>Answers a request of a site that has a <see cref="SiteFault"/>: the normal page, damaged as the fault says.</summary>
internal static class FaultEndpoint
{
    private const string HtmlUtf8 = "text/html; charset=UTF-8";
    private static readonly byte[] NotUtf8 = [0xFF, 0xFE, 0xC3];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static async Task Respond(HttpContext context, PageRequest request, string path, CancellationToken stopping)
    {
        var page = SiteEndpoint.Route(context, request, path);
        var html = page.Html ?? ArticlePage.Render(request, page.Article!);
        switch (request.Site.Fault)
        {
            case SiteFault.SlowDrip:
                await Drip(context, Encoding.UTF8.GetBytes(html), stopping);
                break;
            case SiteFault.TruncatedBody:
                await Truncate(context, Encoding.UTF8.GetBytes(html));
                break;
            case SiteFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "120";
                await SiteEndpoint.Write(context, StatusCodes.Status429TooManyRequests, "text/plain; charset=UTF-8", "Too Many Requests");
                break;
            case SiteFault.RedirectLoop:
                Redirect(context, context.Request.Query.ContainsKey("loop") ? path : path + "?loop=1");
                break;
            case SiteFault.RedirectToPrivateAddress:
                Redirect(context, $"http://10.0.0.1:{context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture)}{path}");
                break;
            case SiteFault.OversizedBody:
                await Padded(context, html, FaultSizes.Oversized, announceLength: false);
                break;
            case SiteFault.TenMegabytePage:
                await Padded(context, html, FaultSizes.TenMegabytes, announceLength: true);
                break;
            case SiteFault.EmptyOk:
                await SiteEndpoint.Write(context, StatusCodes.Status200OK, HtmlUtf8, "");
                break;
            case SiteFault.UnknownCharset:
                await Send(context, page.Status, "text/html; charset=utf-9", Encoding.UTF8.GetBytes(html));
                break;
            case SiteFault.MissingCharset:
                await Send(context, page.Status, "text/html", Encoding.UTF8.GetBytes(html.Replace("<meta charset=\"utf-8\">", "", StringComparison.OrdinalIgnoreCase)));
                break;
            case SiteFault.ByteOrderMark:
                await Send(context, page.Status, "text/html; charset=windows-1252", [.. Utf8Bom, .. Encoding.UTF8.GetBytes(html)]);
                break;
            case SiteFault.CharsetLie:
                await Send(context, page.Status, "text/html; charset=windows-1252",
                    Encoding.UTF8.GetBytes(html.Replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1252\">", StringComparison.OrdinalIgnoreCase)));
                break;
            case SiteFault.InvalidUtf8:
                await Send(context, page.Status, HtmlUtf8, BreakUtf8(html));
                break;
            case SiteFault.DeepNesting:
                await SiteEndpoint.Html(context, page.Status, Nest(html));
                break;
            case SiteFault.ArticlesNotFound when page.Article is not null:
                await SiteEndpoint.Html(context, StatusCodes.Status404NotFound, StatusPages.NotFound(request.Site.Name));
                break;
            default:
                await SiteEndpoint.Html(context, page.Status, html);
                break;
        }
    }

    /// <summary>Sixteen bytes every tenth of a second until the page is out or the client gives up.</summary>
    private static async Task Drip(HttpContext context, byte[] body, CancellationToken stopping)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = HtmlUtf8;
        context.Response.ContentLength = body.Length;
        for (var at = 0; at < body.Length; at += 16)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(at, Math.Min(16, body.Length - at)), both.Token);
            await context.Response.Body.FlushAsync(both.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(100), both.Token);
        }
    }

    private static async Task Truncate(HttpContext context, byte[] body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = HtmlUtf8;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    private static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
    }

    /// <summary>The page followed by an HTML comment that brings it to <paramref name="size"/> bytes.</summary>
    private static async Task Padded(HttpContext context, string html, int size, bool announceLength)
    {
        var page = Encoding.UTF8.GetBytes(html + "<!--");
        var filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'x');
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = HtmlUtf8;
        if (announceLength) context.Response.ContentLength = size;
        await context.Response.Body.WriteAsync(page, context.RequestAborted);
        for (var left = size - page.Length - 3; left > 0; left -= filler.Length)
            await context.Response.Body.WriteAsync(filler.AsMemory(0, Math.Min(filler.Length, left)), context.RequestAborted);
        await context.Response.Body.WriteAsync("-->"u8.ToArray(), context.RequestAborted);
    }

    private static byte[] BreakUtf8(string html)
    {
        var parts = html.Split("</h");
        var bytes = new List<byte>(html.Length + parts.Length * 8);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) bytes.AddRange([.. NotUtf8, .. "</h"u8.ToArray()]);
            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }
        return [.. bytes];
    }

    private static string Nest(string html)
    {
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var inside = html.IndexOf('>', body) + 1;
        return string.Concat(html.AsSpan(0, inside), string.Concat(Enumerable.Repeat("<div>", FaultSizes.NestingDepth)), html.AsSpan(inside));
    }

    private static async Task Send(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
