using System.Globalization;
using System.Text;
using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Storage;

namespace FeedHub.Bench;

/// <summary>
/// Section 8: fat items and many distinct feed requests. 50 items of about 1 MB of HTML each, then 80 GETs
/// of the combined feed with distinct <c>since=</c> values (each its own render-cache key); the process's
/// resident memory afterwards must stay bounded (the render cache is bounded by bytes).
/// </summary>
internal static class FatItemBench
{
    public const string Section = "8. Fat items";
    private const double TargetRssMb = 300;

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var quick = context.Options.Quick;
        var (items, itemBytes, requests) = quick ? (5, 100_000, 8) : (50, 1_000_000, 80);
        var store = await context.StoreAsync(ct);
        var work = Directory.CreateTempSubdirectory("feedhub-bench-fat-");
        try
        {
            var database = new SqliteDatabase(Path.Combine(work.FullName, "feedhub.db"), TimeProvider.System);
            await database.InitialiseAsync(ct);
            var source = store.Sources[0].Id;
            context.Progress.WriteLine($"fat: {items} items of {itemBytes / 1000:N0} KB, then {requests} feed GETs with distinct since=…");
            await new ItemStore(database).CommitAsync(new SourceRun
            {
                SourceId = source,
                Items = Enumerable.Range(0, items).Select(n => Fat(source, n, itemBytes)).ToList(),
                State = SourceState.New(source),
            }, ct);

            await using var server = await BenchServers.FeedHubAsync(store.FeedsPath, database.Path, new Dictionary<string, string?>(), ct);
            using var client = LoadGenerator.Client(1);
            var before = ProcessStats.RssBytes();
            long bytes = 0;
            for (var i = 0; i < requests; i++)
            {
                var since = CrawlSession.FarmNow.AddYears(-1).AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
                using var response = await client.GetAsync(new Uri(server.BaseUri, $"/feeds/all.atom?since={Uri.EscapeDataString(since)}"), ct);
                response.EnsureSuccessStatusCode();
                bytes += (await response.Content.ReadAsByteArrayAsync(ct)).Length;
            }
            var after = ProcessStats.RssBytes();
            // What is still live, against what the GC merely has not handed back yet.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var collected = ProcessStats.RssBytes();
            var results = context.Results;
            results.Add(Section, new Measure($"{items} items × {itemBytes / 1000:N0} KB, {requests} GETs: bytes served", Fmt.Mb(bytes)));
            results.Add(Section, new Measure("RSS before / after the GETs", $"{Fmt.Mb(before)} / {Fmt.Mb(after)}",
                Target: $"< {TargetRssMb} MB after", Met: after < TargetRssMb * 1024 * 1024));
            results.Add(Section, new Measure("RSS after an aggressive full GC (what stays live)", Fmt.Mb(collected)));
            results.Add(Section, new Measure("peak RSS of the process", Fmt.Mb(ProcessStats.PeakRssBytes())));
            results.Note(Section, "Pages of this size, stored as the crawler stores them (cut to the default `Crawl:MaxContentBytes`, 200 KB, with the truncation note), served by the `run` web app in this process (default `Web:RenderCacheBytes`); RSS is this process's VmRSS (client, server and the synthetic store's sample farm together).");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static ItemWrite Fat(string source, int n, int bytes)
    {
        var paragraph = "<p>Rapat pleno terbuka rekapitulasi hasil penghitungan suara tingkat kabupaten, dihadiri saksi dan Bawaslu.</p>\n";
        var html = new StringBuilder(bytes + paragraph.Length);
        while (html.Length < bytes)
            html.Append(paragraph);
        var link = $"https://{source}.kpu.go.id/berita/fat-{n}";
        // Stored as the crawler stores it: cut at Crawl:MaxContentBytes.
        var content = ContentCap.Apply(html.ToString(), ContentCap.DefaultMaxBytes, link);
        return new ItemWrite(new Item
        {
            Id = $"{source}:fat-{n}",
            SourceId = source,
            Link = link,
            Title = $"Berita panjang ke-{n}",
            ContentHtml = content,
            Summary = "Rapat pleno terbuka rekapitulasi hasil penghitungan suara.",
            Published = CrawlSession.FarmNow.AddHours(-n),
            DateSource = DateSource.PageElement,
            FirstSeen = CrawlSession.FarmNow,
            ContentHash = n.ToString("x64", CultureInfo.InvariantCulture),
        }, $"fat-{n}", ListFingerprint: null);
    }
}
