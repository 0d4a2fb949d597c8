using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedHub.Tests.Fetching;

/// <summary>One request as the test server saw it, with server-side Stopwatch timestamps.</summary>
internal sealed record SeenRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, long Started, long Ended);

/// <summary>A tiny Kestrel site on a loopback address, recording every request it serves.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private int inFlight;
    private int maxInFlight;

    private TestSite(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();
    /// <summary>The most requests this site ever served at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public static async Task<TestSite> StartAsync(string ip, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://{ip}:0");
        var site = new TestSite(app);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var now = Interlocked.Increment(ref site.inFlight);
            for (var max = site.maxInFlight; now > max; max = site.maxInFlight)
                Interlocked.CompareExchange(ref site.maxInFlight, now, max);
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref site.inFlight);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                site.Requests.Enqueue(new SeenRequest(context.Request.Path + context.Request.QueryString, headers, started, Stopwatch.GetTimestamp()));
            }
        });
        map(app);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.Single());
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public int CountOf(string path) => Requests.Count(r => r.PathAndQuery == path);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
