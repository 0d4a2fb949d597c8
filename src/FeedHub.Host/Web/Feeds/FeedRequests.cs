using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FeedHub.Host.Web.Feeds;

/// <summary>
/// Answers feed and OPML requests: reads path and query into a <see cref="FeedQuery"/>, renders
/// through the shared <see cref="FeedRenderer"/> and sends the bytes with HTTP caching. Unknown
/// paths, sources, regions and archive months get a plain 404, bad query values (and any feed
/// parameter on an archive) a plain 400 naming the parameter.
/// </summary>
public sealed class FeedRequests(FeedRenderer renderer, CurrentSources current, PublicBase publicBase, ILogger<FeedRequests> log)
{
    private const string Paths =
        "Feeds are /feeds/all.{atom,rss,json}, /feeds/{source}.{ext}, /feeds/region/{region}.{ext} and " +
        "/feeds/category/{category}.{ext}, each month's archive of them under /feeds/archive/{yyyy-MM}/ " +
        "(e.g. /feeds/archive/2025-11/all.atom); the subscription list is /opml.";

    public async Task ServeFeedAsync(HttpContext context)
    {
        var path = context.Request.Path.ToUriComponent();
        if (!FeedPath.TryParse(path, out var scope, out var format, out var archive))
        {
            await FeedResponse.SendTextAsync(context, StatusCodes.Status404NotFound, $"No feed at '{path}'. {Paths}");
            return;
        }
        var sources = current.Get();
        if (!sources.Covers(scope))
        {
            var what = scope.Kind == FeedScopeKind.Source ? "source id" : "region";
            await FeedResponse.SendTextAsync(context, StatusCodes.Status404NotFound,
                $"No feed at '{path}': '{scope.Key}' is not a configured {what}. The list of feeds is at /opml.");
            return;
        }
        FeedQuery query;
        try
        {
            // A repeated parameter arrives joined with commas: a source list, otherwise a value the parser rejects.
            var values = context.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
            query = archive is { } month
                ? FeedQueryParser.ParseArchive(scope, format, month, values)
                : FeedQueryParser.Parse(scope, format, values, sources.Ids);
        }
        catch (FeedQueryException e)
        {
            await FeedResponse.SendTextAsync(context, StatusCodes.Status400BadRequest, e.Message);
            return;
        }
        await SendAsync(context, urls => renderer.RenderAsync(query, sources, urls, context.RequestAborted));
    }

    public Task ServeOpmlAsync(HttpContext context)
    {
        var sources = current.Get();
        return SendAsync(context, urls => renderer.RenderOpmlAsync(sources, urls, context.RequestAborted));
    }

    private async Task SendAsync(HttpContext context, Func<PublicUrls, Task<Rendered>> render)
    {
        if (publicBase.For(context.Request) is not { } urls)
        {
            await FeedResponse.SendTextAsync(context, StatusCodes.Status400BadRequest,
                "The request names no usable host (Host header), so feed links cannot be made absolute.");
            return;
        }
        Rendered rendered;
        try
        {
            rendered = await render(urls);
        }
        catch (ArchiveNotFoundException e)
        {
            await FeedResponse.SendTextAsync(context, StatusCodes.Status404NotFound, e.Message);
            return;
        }
        catch (SearchBusyException e)
        {
            await FeedResponse.SendBusyAsync(context, e);
            return;
        }
        catch (StorageException e)
        {
            log.LogError(e, "Cannot render {Path}", context.Request.Path);
            await FeedResponse.SendTextAsync(context, StatusCodes.Status503ServiceUnavailable,
                "The item store cannot be read right now; try again shortly.");
            return;
        }
        await FeedResponse.SendAsync(context, rendered);
    }
}
