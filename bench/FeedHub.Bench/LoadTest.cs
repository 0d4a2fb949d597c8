using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Host.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Bench;

/// <summary>
/// Section 6: many concurrent readers of FeedHub's web app (the combined feed, the dashboard and 304
/// revalidations) while the app's own pipeline crawls a fixture farm into the same database, new
/// articles appearing all the while. Target: not one error.
/// </summary>
internal static class LoadTest
{
    public const string Section = "6. Load test";

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var options = context.Options;
        var (sites, articles) = options.Quick ? (3, 6) : (36, 30);
        var clients = options.Quick ? Math.Min(options.Clients, 8) : options.Clients;
        var duration = options.Quick ? TimeSpan.FromSeconds(1) : options.LoadDuration;
        context.Progress.WriteLine($"load: {clients} clients for {duration.TotalSeconds:N0} s while {sites} sites are crawled…");

        var work = Directory.CreateTempSubdirectory("feedhub-bench-load-");
        try
        {
            await using var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = sites, ArticlesPerSite = articles, Now = CrawlSession.FarmNow }, ct);
            var feeds = Path.Combine(work.FullName, "feeds.json");
            await File.WriteAllTextAsync(feeds, farm.FeedsJson(), ct);
            await using var server = await BenchServers.FeedHubAsync(feeds, Path.Combine(work.FullName, "feedhub.db"), new Dictionary<string, string?>
            {
                ["Fetch:MinHostGap"] = "00:00:00",
                ["Fetch:MaxParallelHosts"] = "16",
            }, ct);
            var crawl = server.App.Services.GetRequiredService<CrawlPass>();
            var sources = server.App.Services.GetRequiredService<LiveCatalog>().Current.Sources;
            await crawl.RunAsync(sources, new CrawlOptions(), ct);

            var feedUrl = new Uri(server.BaseUri, "/feeds/all.atom");
            var dashboardUrl = new Uri(server.BaseUri, "/");
            using var probe = LoadGenerator.Client(1);
            string etag;
            using (var first = await probe.GetAsync(feedUrl, ct))
                etag = first.EnsureSuccessStatusCode().Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{feedUrl} sent no ETag.");
            bool dashboard;
            using (var page = await probe.GetAsync(dashboardUrl, ct))
                dashboard = page.StatusCode == HttpStatusCode.OK;

            var writer = WriteWhileReadingAsync(farm, crawl, sources, duration, ct);
            var feedClients = dashboard ? clients / 2 : clients * 3 / 5;
            var dashboardClients = dashboard ? clients / 5 : 0;
            var revalidating = clients - feedClients - dashboardClients;
            static bool Ok(HttpStatusCode status) => status is HttpStatusCode.OK or HttpStatusCode.NotModified;
            var runs = new List<(string Name, int Clients, Task<LoadResult> Run)>
            {
                ("GET /feeds/all.atom", feedClients, LoadGenerator.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, feedUrl), Ok, feedClients, duration, ct)),
                ("GET /feeds/all.atom with If-None-Match", revalidating, LoadGenerator.RunAsync(_ =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, feedUrl);
                    request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
                    return request;
                }, Ok, revalidating, duration, ct)),
            };
            if (dashboard)
                runs.Add(("GET / (dashboard)", dashboardClients, LoadGenerator.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, dashboardUrl), Ok, dashboardClients, duration, ct)));
            await Task.WhenAll(runs.Select(r => r.Run));
            var written = await writer;

            var results = context.Results;
            foreach (var (name, count, run) in runs)
            {
                var result = await run;
                results.Add(Section, new Measure($"{name}: {count} clients, req/s", Fmt.N(result.PerSecond)));
                results.Add(Section, new Measure($"{name}: latency p50 / p99", $"{Fmt.Ms(result.P50Ms)} / {Fmt.Ms(result.P99Ms)}"));
                results.Add(Section, new Measure($"{name}: errors", $"{result.Errors} of {Fmt.N(result.Requests)}" + (result.FirstError is { } e ? $" (first: {e})" : ""),
                    Target: "0", Met: result.Errors == 0));
            }
            results.Add(Section, new Measure("crawl passes during the test / items written / sources failed",
                $"{written.Passes} / {written.Items} / {written.Failed}", Target: "0 failed", Met: written.Failed == 0));
            results.Note(Section, $"{clients} closed-loop clients for {duration.TotalSeconds:N0} s against the `run` web app on loopback{(dashboard ? "" : " (no dashboard mapped: its clients went to the feed)")}; meanwhile the app's own CrawlPass crawled {sites} fixture sites (gap 0) into the same database in a loop, one new article published before each pass, so the change stamp moved and feeds re-rendered. Revalidations carry the ETag of the start, so after the first change they are answered 200. Errors: any status other than 200/304, or a failed request.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(int Passes, int Items, int Failed)> WriteWhileReadingAsync(
        FixtureFarm farm, CrawlPass crawl, IReadOnlyList<FeedHub.Sources.Source> sources, TimeSpan duration, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + duration;
        int passes = 0, items = 0, failed = 0;
        while (DateTimeOffset.UtcNow < deadline && !ct.IsCancellationRequested)
        {
            var site = farm.Sites[passes % farm.Sites.Count];
            site.Publish($"Rapat Pleno Terbuka Rekapitulasi Nomor {passes.ToString(CultureInfo.InvariantCulture)}",
                "Rapat pleno terbuka digelar di aula kantor dan dihadiri peserta dari partai politik.", CrawlSession.FarmNow.AddMinutes(passes + 1));
            var reports = await crawl.RunAsync(sources, new CrawlOptions(), ct);
            passes++;
            items += reports.Sum(r => r.New + r.Updated);
            failed += reports.Count(r => r.Outcome == CrawlOutcome.Failed);
        }
        return (passes, items, failed);
    }
}
