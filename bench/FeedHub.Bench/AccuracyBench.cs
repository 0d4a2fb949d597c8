using FeedHub.Crawling;
using FeedHub.Extraction;
using FeedHub.Fixtures;
using FeedHub.Host.Composition;
using FeedHub.Normalisation;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Bench;

/// <summary>
/// Section 9: extraction accuracy on the 35 Central Java regencies of the fixture farm (every template, sparse
/// posters, migrated archives; two categories of 30 stories each). One cold crawl by the `run` web app, then
/// what a reader gets is compared with the farm's truth: titles, dates to the day, date sources, the first page
/// of /feeds/all.atom against the truly newest 50, and the updates a relaunch (new template and link form) causes.
/// </summary>
internal static class AccuracyBench
{
    public const string Section = "9. Extraction accuracy";
    private const int Window = 50;

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var (sites, perCategory) = context.Options.Quick ? (6, 8) : (35, 30);
        var clock = new ShiftedClock(CrawlSession.FarmNow);
        context.Progress.WriteLine($"accuracy: {sites} sites × 2 categories × {perCategory} stories, cold crawl, then a relaunch…");
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = sites, ArticlesPerSite = perCategory, Categories = [104, 105], Now = CrawlSession.FarmNow }, ct);
        var work = Directory.CreateTempSubdirectory("feedhub-bench-accuracy-");
        try
        {
            var feeds = Path.Combine(work.FullName, "feeds.json");
            await File.WriteAllTextAsync(feeds, farm.FeedsJson(), ct);
            await using var server = await BenchServers.FeedHubAsync(feeds, Path.Combine(work.FullName, "feedhub.db"),
                new Dictionary<string, string?> { ["Fetch:MinHostGap"] = "00:00:00.005" }, ct, clock);
            var services = server.App.Services;
            var sources = services.GetRequiredService<LiveCatalog>().Current.Sources;
            var pass = services.GetRequiredService<CrawlPass>();
            var store = services.GetRequiredService<ItemStore>();
            await pass.RunAsync(sources, new CrawlOptions { MaxPages = 10 }, ct);

            var truth = farm.Sites.SelectMany(site => site.Articles.Select(a => (Site: site, Article: a)))
                .ToDictionary(t => CanonicalUrl.Of(t.Article.UrlOn(t.Site), t.Site.BaseUri).AbsoluteUri);
            var stored = (await AllAsync(store, ct)).ToDictionary(i => i.Link);
            var pairs = truth.Select(t => (t.Value.Site, t.Value.Article, Item: stored.GetValueOrDefault(t.Key))).ToList();
            var found = pairs.Where(p => p.Item is not null).ToList();
            var dated = found.Where(p => p.Article.ExpectedPublished is not null).ToList();

            var results = context.Results;
            results.Add(Section, new Measure("stories stored / on the farm", $"{found.Count} / {pairs.Count}"));
            results.Add(Section, Share("title equals the page headline", found.Count(p => p.Item!.Title == p.Article.Title), pairs.Count, 0.99));
            results.Add(Section, Share("date: the day the page shows (stories whose page shows one)",
                dated.Count(p => Day(p.Item!.Published) == Day(p.Article.ExpectedPublished!.Value)), dated.Count, 0.98));
            results.Add(Section, Share("date: the day the story went up (all stories, estimates included)",
                found.Count(p => Day(p.Item!.Published) == Day(p.Article.Published)), pairs.Count, 0.98));
            results.Add(Section, Share("dated first-seen", found.Count(p => p.Item!.DateSource == DateSource.FirstSeen), found.Count, null));
            results.Add(Section, Share("dated by list order (page shows no date)", found.Count(p => p.Item!.DateSource == DateSource.ListOrder), found.Count, null));

            var newest = truth.OrderByDescending(t => t.Value.Article.Published).Take(Window).Select(t => t.Key).ToHashSet();
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            var atom = await http.GetStringAsync("/feeds/all.atom", ct);
            var firstPage = FeedDocumentParser.Parse(atom, new Uri(server.BaseUri, "/feeds/all.atom")).Entries.Take(Window).Select(e => e.Url.AbsoluteUri).ToList();
            var hits = firstPage.Count(newest.Contains);
            var boundary = newest.Min(link => Day(truth[link].Article.Published));
            var sameDay = firstPage.Count(link => !newest.Contains(link) && truth.TryGetValue(link, out var t) && Day(t.Article.Published) == boundary);
            results.Add(Section, Share($"combined feed: first {Window} of /feeds/all.atom among the truly newest {Window}", hits, Window, 0.99));
            results.Add(Section, new Measure("… of the others, from the boundary day (a same-day tie when the page shows no time)", $"{sameDay} / {Window - hits}"));

            var before = (await AllAsync(store, ct)).ToDictionary(i => i.Id);
            for (var i = 0; i < farm.Sites.Count; i++)
            {
                farm.Sites[i].Mode = SiteMode.Relaunch;
                farm.Sites[i].OldLinksRedirect = i % 2 == 0;
            }
            var reports = await pass.RunAsync(sources, new CrawlOptions { MaxPages = 10 }, ct);
            var after = await AllAsync(store, ct);
            var bumped = after.Count(i => before.TryGetValue(i.Id, out var old) && (old.Version, old.Updated) != (i.Version, i.Updated));
            var moved = after.Count(i => before.TryGetValue(i.Id, out var old) && old.Link != i.Link);
            results.Add(Section, new Measure("relaunch (new template, /berita/baca/ links): updates reported / versions bumped",
                $"{reports.Sum(r => r.Updated)} / {bumped}", Target: "0", Met: reports.Sum(r => r.Updated) == 0 && bumped == 0));
            results.Add(Section, new Measure("… new items / links moved", $"{reports.Sum(r => r.New)} / {moved} of {after.Count}"));
            results.Note(Section, $"Farm of {sites} sites dated around {CrawlSession.FarmNow:yyyy-MM-dd HH:mm} WIB (the server's clock is moved there); days compared in WIB. "
                + "\"The day the story went up\" also counts stories whose page shows no date, placed between their dated neighbours (an estimate).");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static Measure Share(string name, int part, int whole, double? target) =>
        new(name, $"{Fmt.Percent(whole == 0 ? 0 : (double)part / whole)} ({part} / {whole})",
            Target: target is { } t ? $"≥ {Fmt.Percent(t)}" : null, Met: target is { } least ? part >= least * whole : null);

    private static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static async Task<List<Item>> AllAsync(ItemStore store, CancellationToken ct)
    {
        var all = new List<Item>();
        var filter = new ItemFilter { Limit = ItemStore.MaxLimit };
        while (true)
        {
            var page = await store.QueryAsync(filter, ct);
            all.AddRange(page);
            if (page.Count < filter.Limit) return all;
            filter = filter with { Before = new ItemCursor(page[^1].Published, page[^1].Id) };
        }
    }

    /// <summary>The system clock moved to the farm's "now", so the crawl judges the fixture's dates as it would on the day.</summary>
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
