using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FeedHub.Fixtures.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Fixtures;

/// <summary>Answers one request for one site: routes it (leniently, as the CMS does) and applies the site's mode.</summary>
internal static partial class SiteEndpoint
{
    [GeneratedRegex(@"^/(?:index\.php/)?blog/category/(?<category>\d+)(?<junk>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListPath();

    [GeneratedRegex(@"^/(?:index\.php/)?blog/read/(?:(?<id>\d+)_)?(?<slug>[^/]+)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadPath();

    [GeneratedRegex(@"^/(?:index\.php/)?berita/baca/(?<id>\d+)/(?<slug>[^/]*)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex BacaPath();

    [GeneratedRegex(@"^/post/(?<slug>[^/]+)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex RedesignedPostPath();

    public static async Task Respond(HttpContext context, FixtureSite site, long sequence, CancellationToken stopping)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            await Robots(context, site.Robots);
            return;
        }
        if (path.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase))
        {
            await Write(context, StatusCodes.Status404NotFound, "text/plain; charset=UTF-8", "Not Found");
            return;
        }
        var request = new PageRequest(site, Theme.Of(site.Markup), sequence);
        context.Response.Headers.Append("Set-Cookie", $"XSRF-TOKEN={request.Token(6)}; path=/; samesite=lax");
        if (site.Fault != SiteFault.None)
        {
            await FaultEndpoint.Respond(context, request, path, stopping);
            return;
        }
        switch (site.Mode)
        {
            case SiteMode.ServerError:
                await Html(context, StatusCodes.Status500InternalServerError, StatusPages.ServerError());
                break;
            case SiteMode.Maintenance:
                await Html(context, StatusCodes.Status200OK, StatusPages.Maintenance(site.Name));
                break;
            case SiteMode.Hang:
                await Hang(context, stopping);
                break;
            case SiteMode.Timeout:
                await Stall(context, stopping);
                break;
            case SiteMode.Redesign:
                await Redesigned(context, request, path);
                break;
            case SiteMode.Relaunch:
                await Relaunched(context, request, path);
                break;
            default:
                await Normal(context, request, path);
                break;
        }
    }

    private static Task Normal(HttpContext context, PageRequest request, string path) => Route(context, request, path) switch
    {
        { Article: { } article } => Article(context, request, article),
        var page => Html(context, page.Status, page.Html!),
    };

    /// <summary>What the normal site answers for <paramref name="path"/>: a page, or the article to render.</summary>
    internal static RoutedPage Route(HttpContext context, PageRequest request, string path)
    {
        var site = request.Site;
        if (path is "/" or "/index.php" or "/index.php/")
            return new(StatusCodes.Status200OK, ListPage.Render(request, site.Categories[0], 1), null);
        if (ListPath().Match(path) is { Success: true } list && Category(list) is { } category)
            return new(StatusCodes.Status200OK, ListPage.Render(request, category, Page(context)), null);
        var read = ReadPath().Match(path);
        if (!read.Success) read = BacaPath().Match(path);
        if (read.Success && site.Catalog.Find(Id(read), read.Groups["slug"].Value) is { } article)
            return new(StatusCodes.Status200OK, null, article);
        return new(StatusCodes.Status404NotFound, StatusPages.NotFound(site.Name), null);
    }

    /// <summary>The home page or a category list in a new template, or null when <paramref name="path"/> is neither.</summary>
    private static Task? NewList(HttpContext context, PageRequest request, string path, Func<PageRequest, int, int, string> render)
    {
        if (path is "/" or "/index.php" or "/index.php/")
            return Html(context, StatusCodes.Status200OK, render(request, request.Site.Categories[0], 1));
        if (ListPath().Match(path) is { Success: true } list && Category(list) is { } category)
            return Html(context, StatusCodes.Status200OK, render(request, category, Page(context)));
        return null;
    }

    private static Task Redesigned(HttpContext context, PageRequest request, string path)
    {
        var site = request.Site;
        if (NewList(context, request, path, RedesignPages.List) is { } listed) return listed;
        if (RedesignedPostPath().Match(path) is { Success: true } post && site.Catalog.Find(null, post.Groups["slug"].Value) is { } article)
            return Html(context, StatusCodes.Status200OK, RedesignPages.Article(request, article));
        return Html(context, StatusCodes.Status404NotFound, StatusPages.NotFound(site.Name));
    }

    /// <summary>The relaunched site: lists at their old paths, articles at the new URL form, old article URLs moved or gone.</summary>
    private static Task Relaunched(HttpContext context, PageRequest request, string path)
    {
        var site = request.Site;
        if (NewList(context, request, path, RelaunchPages.List) is { } listed) return listed;
        if (BacaPath().Match(path) is { Success: true } baca
            && (site.Catalog.Find(Id(baca), baca.Groups["slug"].Value) ?? site.Catalog.Find(null, baca.Groups["slug"].Value)) is { } moved)
            return Html(context, StatusCodes.Status200OK, RelaunchPages.Article(request, moved));
        if (ReadPath().Match(path) is { Success: true } read && site.OldLinksRedirect && site.Catalog.Find(Id(read), read.Groups["slug"].Value) is { } old)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = site.RelaunchedUrlOf(old.Truth).AbsolutePath;
            return Task.CompletedTask;
        }
        return Html(context, StatusCodes.Status404NotFound, StatusPages.NotFound(site.Name));
    }

    /// <summary>Serves an article, with validators and 304s on sites that send them.</summary>
    private static Task Article(HttpContext context, PageRequest request, StoredArticle article)
    {
        if (request.Site.SendsValidators)
        {
            var etag = article.ETag;
            var lastModified = TruncateToSeconds(article.LastModified);
            var headers = context.Response.Headers;
            headers.ETag = etag;
            headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
            if (NotModified(context.Request, etag, lastModified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }
        return Html(context, StatusCodes.Status200OK, ArticlePage.Render(request, article));
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var typed = request.GetTypedHeaders();
        if (typed.IfNoneMatch.Count > 0)
            return typed.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag);
        return typed.IfModifiedSince is { } since && since >= lastModified;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static Task Robots(HttpContext context, RobotsMode mode)
    {
        var text = mode switch
        {
            RobotsMode.AllowAll => "User-agent: *\nDisallow:\n",
            RobotsMode.DisallowSome => "User-agent: *\nDisallow: /admin/\nDisallow: /storage/\nDisallow: /search\n",
            RobotsMode.DisallowAll => "User-agent: *\nDisallow: /\n",
            _ => null,
        };
        return text is null
            ? Write(context, StatusCodes.Status404NotFound, "text/html; charset=UTF-8", StatusPages.NotFound("robots.txt"))
            : Write(context, StatusCodes.Status200OK, "text/plain; charset=UTF-8", text);
    }

    /// <summary>Headers and the first bytes, then silence until the client or the farm gives up.</summary>
    private static async Task Hang(HttpContext context, CancellationToken stopping)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=UTF-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(StatusPages.HangingStart), stopping);
        await context.Response.Body.FlushAsync(stopping);
        await Stall(context, stopping);
    }

    internal static async Task Stall(HttpContext context, CancellationToken stopping)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await Task.Delay(Timeout.Infinite, both.Token);
    }

    internal static Task Html(HttpContext context, int status, string html) =>
        Write(context, status, "text/html; charset=UTF-8", html);

    internal static async Task Write(HttpContext context, int status, string contentType, string body)
    {
        var response = context.Response;
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        response.Headers.CacheControl = "no-cache, private";
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static int? Category(Match list) =>
        int.TryParse(list.Groups["category"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static int? Id(Match read) =>
        read.Groups["id"].Success && int.TryParse(read.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary><c>?page=N</c>, 1 when absent or not a positive number (the CMS is lenient).</summary>
    private static int Page(HttpContext context) =>
        int.TryParse(context.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
}

/// <summary>A routed request: a ready page (<see cref="Html"/>) or an article still to render.</summary>
internal sealed record RoutedPage(int Status, string? Html, StoredArticle? Article);
