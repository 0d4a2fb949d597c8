using FeedHub.Host.Web.Feeds;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Web;

/// <summary>The feeds and the OPML list of the `run` process, served with HTTP caching (see docs/feeds.md).</summary>
public static class FeedEndpoints
{
    /// <summary>
    /// How long a change stamp read from the database is trusted before it is read again; commits of
    /// this process invalidate it at once, so this only delays another process's crawl.
    /// </summary>
    public static readonly TimeSpan StampMaxAge = TimeSpan.FromSeconds(1);

    /// <summary>How many bytes of rendered feeds the render cache may hold.</summary>
    public const string RenderCacheBytesSetting = "Web:RenderCacheBytes";

    /// <summary>How many uncached searches (feeds' <c>q=</c>, the dashboard's <c>/items?q=</c>) may read the store at once.</summary>
    public const string MaxConcurrentSearchesSetting = "Web:MaxConcurrentSearches";

    /// <summary><c>Web:RenderCacheBytes</c>, positive.</summary>
    /// <exception cref="ArgumentException">Zero or negative, naming the setting.</exception>
    public static long RenderCacheBytes(IConfiguration configuration)
    {
        var bytes = configuration.GetValue<long?>(RenderCacheBytesSetting) ?? RenderCache.DefaultMaxBytes;
        return bytes > 0 ? bytes
            : throw new ArgumentException($"{RenderCacheBytesSetting} must be a positive number of bytes (default {RenderCache.DefaultMaxBytes}); got {bytes}.", RenderCacheBytesSetting);
    }

    /// <summary><c>Web:MaxConcurrentSearches</c>, positive.</summary>
    /// <exception cref="ArgumentException">Zero or negative, naming the setting.</exception>
    public static int MaxConcurrentSearches(IConfiguration configuration)
    {
        var searches = configuration.GetValue<int?>(MaxConcurrentSearchesSetting) ?? SearchGate.DefaultMaxConcurrent;
        return searches > 0 ? searches
            : throw new ArgumentException($"{MaxConcurrentSearchesSetting} must be a positive number of searches (default {SearchGate.DefaultMaxConcurrent}); got {searches}.", MaxConcurrentSearchesSetting);
    }

    /// <summary>
    /// Registers the shared renderer and its caches, and the public base URL from
    /// <c>Web:PublicBaseUrl</c> (checked now, so a bad value stops `run` with exit code 2).
    /// </summary>
    public static IServiceCollection AddFeedServing(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration[PublicBase.Setting] is { Length: > 0 } text ? PublicUrls.Parse(text, PublicBase.Setting) : null;
        services.AddSingleton(new PublicBase(configured));
        services.AddSingleton(new RenderCache(maxBytes: RenderCacheBytes(configuration)));
        var searches = MaxConcurrentSearches(configuration);
        services.AddSingleton(new SearchGate(searches));
        // SQLite calls block their thread (Microsoft.Data.Sqlite does no asynchronous I/O). With every search slot
        // busy and the pool at its minimum (one thread per core), health and cached feeds waited seconds for the
        // pool to grow (section 7 of docs/benchmarks.md); keep threads for them beside the searches.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, searches + 2 * Environment.ProcessorCount), completion);
        services.AddSingleton(sp => new ChangeStampCache(
            sp.GetRequiredService<ItemStore>(), sp.GetRequiredService<TimeProvider>(), StampMaxAge));
        services.AddSingleton<FeedRenderer>();
        services.AddSingleton<CurrentSources>();
        services.AddSingleton<FeedRequests>();
        return services;
    }

    /// <summary>GET and HEAD for <c>/feeds/…</c> and <c>/opml</c>.</summary>
    public static WebApplication MapFeeds(this WebApplication app)
    {
        var requests = app.Services.GetRequiredService<FeedRequests>();
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/feeds/{**path}", methods, requests.ServeFeedAsync);
        app.MapMethods(FeedPath.Opml, methods, requests.ServeOpmlAsync);
        return app;
    }
}
