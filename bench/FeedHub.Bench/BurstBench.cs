using System.Diagnostics;
using System.Net;

namespace FeedHub.Bench;

/// <summary>
/// Section 7: a burst of concurrent single-word searches (uncached: each asks its own <c>limit=</c>) on a
/// 100k-item store, while a few clients measure <c>/healthz</c> and the cached combined feed. The search
/// gate refuses searches past <c>Web:MaxConcurrentSearches</c> with 503, so health and feeds stay fast.
/// </summary>
internal static class BurstBench
{
    public const string Section = "7. Search burst";
    private const double TargetP99Ms = 100;
    private static readonly string[] Words = ["pemilih", "sosialisasi", "rekrutmen", "bawaslu", "partisipasi", "arsip", "disabilitas", "inspektorat"];

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var quick = context.Options.Quick;
        var size = quick ? 2_000 : 100_000;
        var searches = quick ? 50 : 500;
        var store = await context.StoreAsync(ct);
        if (store.Count < size)
        {
            context.Progress.WriteLine($"burst: growing the store to {size:N0} items…");
            await store.GrowAsync(size, ct);
        }
        await using var server = await BenchServers.FeedHubAsync(store.FeedsPath, store.Database.Path, new Dictionary<string, string?>(), ct);
        using var client = LoadGenerator.Client(searches);
        // Each watcher is its own client (a monitor, a feed reader), not a request queued in the burst's connection pool.
        using var healthClient = LoadGenerator.Client(1);
        using var feedClient = LoadGenerator.Client(1);
        Uri Url(string path) => new(server.BaseUri, path);
        var watched = new[] { (Client: healthClient, Path: "/healthz"), (Client: feedClient, Path: "/feeds/all.atom") };
        // Warm up (JIT, connections, render cache) so the watchers measure the burst, not their first requests.
        foreach (var (watcher, path) in watched)
            for (var i = 0; i < 20; i++)
                using ((await watcher.GetAsync(Url(path), ct)).EnsureSuccessStatusCode()) { }

        context.Progress.WriteLine($"burst: {searches} concurrent searches on {store.Count:N0} items…");
        using var burstOver = new CancellationTokenSource();
        var watchers = watched.Select(w => WatchAsync(w.Client, Url(w.Path), burstOver.Token)).ToList();
        var started = Stopwatch.GetTimestamp();
        var statuses = await Task.WhenAll(Enumerable.Range(0, searches).Select(async i =>
        {
            using var response = await client.GetAsync(Url($"/feeds/all.atom?q={Words[i % Words.Length]}&limit={1 + i % 200}"), ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return (Status: response.StatusCode, Ms: Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }));
        var burstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await burstOver.CancelAsync();
        var (health, feed) = (await watchers[0], await watchers[1]);

        var answered = statuses.Where(s => s.Status == HttpStatusCode.OK).ToList();
        var refused = statuses.Count(s => s.Status == HttpStatusCode.ServiceUnavailable);
        var results = context.Results;
        var label = StorageBench.Label(store.Count);
        results.Add(Section, new Measure($"{label} items, {searches} searches at once: answered 200 / refused 503 / other",
            $"{answered.Count} / {refused} / {searches - answered.Count - refused}", Target: "no other", Met: answered.Count + refused == searches));
        results.Add(Section, new Measure("burst: time until every search was answered", Fmt.Ms(burstMs)));
        results.Add(Section, new Measure($"GET /healthz during the burst: p50 / p99 ({health.Count} requests)",
            $"{Fmt.Ms(Percentiles.Of(health, 50))} / {Fmt.Ms(Percentiles.Of(health, 99))}", Target: $"p99 < {TargetP99Ms} ms", Met: Percentiles.Of(health, 99) < TargetP99Ms));
        results.Add(Section, new Measure($"GET /feeds/all.atom (cached) during the burst: p50 / p99 ({feed.Count} requests)",
            $"{Fmt.Ms(Percentiles.Of(feed, 50))} / {Fmt.Ms(Percentiles.Of(feed, 99))}", Target: $"p99 < {TargetP99Ms} ms", Met: Percentiles.Of(feed, 99) < TargetP99Ms));
        results.Note(Section, $"FeedHub's `run` web app (scheduler off, default `Web:MaxConcurrentSearches`) over the synthetic store; {searches} requests `/feeds/all.atom?q=<word>&limit=<1–200>` sent at once (distinct limits, so none is cached), single words: {string.Join(", ", Words)}. Meanwhile one client each (its own connection, after 20 warm-up requests) requests `/healthz` and the cached `/feeds/all.atom` in a closed loop until the last search is answered. Client and server share the 2 cores.");
    }

    /// <summary>Latencies of back-to-back GETs of <paramref name="url"/> until <paramref name="until"/> is cancelled.</summary>
    private static async Task<List<double>> WatchAsync(HttpClient client, Uri url, CancellationToken until)
    {
        var latencies = new List<double>();
        while (!until.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url, CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }
        return latencies;
    }
}
