using System.Net;
using System.Net.Http.Headers;
using FeedHub.Publishing;

namespace FeedHub.Bench;

/// <summary>
/// Section 3: <c>/feeds/all.atom</c> (first page) from FeedHub's own web app at each store size:
/// requests per second and latency of the cached feed and of 304 revalidations, against bare Kestrel
/// sending the same bytes from memory; and the uncached render time, which must not grow with history.
/// </summary>
internal static class ServeBench
{
    public const string Section = "3. Serving";
    private const string FeedPathText = "/feeds/all.atom";
    private const double MinShare = 0.5;
    private const double MaxRenderGrowth = 1.5;

    public static async Task AtSizeAsync(BenchContext context, int size, CancellationToken ct)
    {
        var store = await context.StoreAsync(ct);
        var results = context.Results;
        var label = StorageBench.Label(size);
        var quick = context.Options.Quick;

        var render = await RenderTimesAsync(store, quick ? 5 : 30, ct);
        context.RenderP50[size] = Percentiles.Of(render, 50);
        results.Add(Section, new Measure($"{label} items: render {FeedPathText} uncached (p50 / p99)",
            $"{Fmt.Ms(Percentiles.Of(render, 50))} / {Fmt.Ms(Percentiles.Of(render, 99))}"));

        await using var feedHub = await BenchServers.FeedHubAsync(store.FeedsPath, store.Database.Path, new Dictionary<string, string?>(), ct);
        var feedUrl = new Uri(feedHub.BaseUri, FeedPathText);
        using var probe = LoadGenerator.Client(1);
        using var first = await probe.GetAsync(feedUrl, ct);
        first.EnsureSuccessStatusCode();
        var body = await first.Content.ReadAsByteArrayAsync(ct);
        var etag = first.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{feedUrl} sent no ETag.");
        var mediaType = first.Content.Headers.ContentType?.ToString() ?? "application/atom+xml; charset=utf-8";
        await using var floor = await BenchServers.StaticAsync(body, mediaType, etag, ct);
        var floorUrl = new Uri(floor.BaseUri, FeedPathText);

        var workers = quick ? 4 : 16;
        var duration = quick ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(5);
        async Task<LoadResult> Measure(Uri url, bool revalidate)
        {
            HttpRequestMessage Request(int _)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (revalidate) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
                return request;
            }
            bool Accept(HttpStatusCode status) => status == (revalidate ? HttpStatusCode.NotModified : HttpStatusCode.OK);
            await LoadGenerator.RunAsync(Request, Accept, workers, duration / 4, ct);
            return await LoadGenerator.RunAsync(Request, Accept, workers, duration, ct);
        }
        var full = await Measure(feedUrl, revalidate: false);
        var fullFloor = await Measure(floorUrl, revalidate: false);
        var notModified = await Measure(feedUrl, revalidate: true);
        var notModifiedFloor = await Measure(floorUrl, revalidate: true);

        var share = full.PerSecond / fullFloor.PerSecond;
        results.Add(Section, new Measure($"{label} items: GET {FeedPathText} ({body.Length / 1024.0:N0} KB), req/s", Fmt.N(full.PerSecond), Fmt.N(fullFloor.PerSecond),
            Fmt.Percent(share), $"≥ {MinShare * 100:N0} % of floor", share >= MinShare && full.Errors == 0));
        results.Add(Section, new Measure($"{label} items: GET latency p50 / p99", Latency(full), Latency(fullFloor)));
        results.Add(Section, new Measure($"{label} items: 304 revalidation, req/s", Fmt.N(notModified.PerSecond), Fmt.N(notModifiedFloor.PerSecond),
            Fmt.Percent(notModified.PerSecond / notModifiedFloor.PerSecond), "≥ FeedHub's GET req/s", notModified.PerSecond >= full.PerSecond && notModified.Errors == 0));
        results.Add(Section, new Measure($"{label} items: 304 latency p50 / p99", Latency(notModified), Latency(notModifiedFloor)));
    }

    /// <summary>After the last size: the uncached render time at the largest store against the smallest.</summary>
    public static void Conclude(BenchContext context)
    {
        if (context.RenderP50.Count < 2) return;
        var (smallest, largest) = (context.RenderP50.Keys.Min(), context.RenderP50.Keys.Max());
        var growth = context.RenderP50[largest] / context.RenderP50[smallest];
        context.Results.Add(Section, new Measure($"render time growth, {StorageBench.Label(largest)} vs {StorageBench.Label(smallest)} items",
            Fmt.Ms(context.RenderP50[largest]), Fmt.Ms(context.RenderP50[smallest]), Fmt.Ratio(growth), $"≤ {MaxRenderGrowth}×", growth <= MaxRenderGrowth));
        context.Results.Note(Section, $"FeedHub: the `run` web app (WebApp.BuildAsync, scheduler off) over the synthetic store; floor: bare Kestrel sending the same bytes and ETag from memory. Closed loop of {(context.Options.Quick ? 4 : 16)} clients in this process (client and server share the 2 cores, for FeedHub and floor alike), no Accept-Encoding (identity bodies), after a warm-up of a quarter of the run. Render time: FeedRenderer with an empty RenderCache (the first request after a store change), in process.");
    }

    private static string Latency(LoadResult result) => $"{Fmt.Ms(result.P50Ms)} / {Fmt.Ms(result.P99Ms)}";

    /// <summary>Renders the feed's first page again and again, each time as a cache miss.</summary>
    private static async Task<List<double>> RenderTimesAsync(SyntheticStore store, int rounds, CancellationToken ct)
    {
        if (!FeedPath.TryParse(FeedPathText, out var scope, out var format)) throw new InvalidOperationException($"{FeedPathText} is not a feed path.");
        var sources = new PublishedSources(store.Sources);
        var query = FeedQueryParser.Parse(scope, format, new Dictionary<string, string?>(), sources.Ids);
        var urls = new PublicUrls(new Uri("http://127.0.0.1:5080/"));
        var stamps = new ChangeStampCache(store.Items, TimeProvider.System, TimeSpan.Zero);
        var times = new List<double>();
        for (var i = -2; i < rounds; i++)
        {
            var renderer = new FeedRenderer(store.Items, stamps, new RenderCache(), TimeProvider.System);
            var meter = new CostMeter();
            await renderer.RenderAsync(query, sources, urls, ct);
            if (i >= 0) times.Add(meter.Wall.TotalMilliseconds);
        }
        return times;
    }
}
