using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Normalisation;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Tests.Crawling;

/// <summary>The crawl's promises, against 36 fake KPU sites that vary markup, dates and noise as the real ones do.</summary>
public sealed class CrawlAgainstFixturesTests
{
    private static Task<IReadOnlyList<Item>> AllItemsAsync(ItemStore store) => StoredItems.AllAsync(store);

    private static DateOnly WibDay(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(7)).DateTime);

    [Fact]
    public async Task Cold_crawl_stores_every_article_once_with_its_title_link_and_date()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 36, articles: 30);
        var before = DateTimeOffset.UtcNow;

        var reports = await pipeline.CrawlAsync();

        Assert.All(reports, r => Assert.True(r.Outcome == CrawlOutcome.Ok, r.Summary));
        var stored = await AllItemsAsync(pipeline.Items);
        Assert.Equal(36 * 30, stored.Count);
        Assert.Equal(stored.Count, stored.Select(i => i.Id).Distinct().Count());
        var byId = stored.ToDictionary(i => i.Id);
        foreach (var site in pipeline.Farm.Sites)
        foreach (var article in site.Articles)
        {
            var id = StoredItems.IdOf(site, article);
            Assert.True(byId.TryGetValue(id, out var item), $"{site.Id}: {article.Path} ({article.Title}) was not stored as {id}");
            Assert.Equal(CanonicalUrl.Of(article.UrlOn(site), site.BaseUri).AbsoluteUri, item.Link);
            Assert.Equal(article.Title, item.Title);
            AssertDatedAsItsPageShows(article, item);
        }
        foreach (var site in pipeline.Farm.Sites)
            AssertEstimatesKeepListOrder(site, byId);
    }

    [Fact]
    public async Task An_undated_story_that_appears_on_a_later_crawl_is_dated_first_seen_not_estimated()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 6, articles: 12);
        await pipeline.CrawlAsync();
        var site = pipeline.Farm.Sites.First(s => s.Articles.All(a => a.ExpectedDateSource != "Meta"));
        var fresh = site.Publish("KPU Gelar Rapat Evaluasi Pemutakhiran Data Pemilih",
            "Teks sintetis rapat evaluasi pemutakhiran data pemilih berkelanjutan bersama para operator. (HumasKPU)", DateTimeOffset.UtcNow, undated: true);
        Assert.Null(fresh.ExpectedPublished);

        await pipeline.CrawlAsync();

        var item = (await AllItemsAsync(pipeline.Items)).Single(i => i.Id == StoredItems.IdOf(site, fresh));
        Assert.Equal((FeedHub.Extraction.DateSource.FirstSeen, item.FirstSeen), (item.DateSource, item.Published));
    }

    [Fact]
    public async Task Backfill_dates_every_older_article_as_its_page_shows_down_to_the_migrated_archive()
    {
        // 40 stories a site on 5–10 per page: one list page a site leaves the oldest, and every 2019–2020 import, to backfill.
        await using var pipeline = await FarmPipeline.StartAsync(sites: 36, articles: 40);
        await pipeline.CrawlAsync(maxPages: 1);
        var firstCrawl = (await AllItemsAsync(pipeline.Items)).Select(i => i.Id).ToHashSet();

        var results = await pipeline.BackfillAsync(pages: 10);

        Assert.All(results, r => Assert.True(r.Error is null, $"{r.SourceId}: {r.Error}"));
        var byId = (await AllItemsAsync(pipeline.Items)).ToDictionary(i => i.Id);
        var migrated = pipeline.Farm.Sites.Where(s => s.HasMigratedArchive).SelectMany(s => s.Articles.Where(a => a.DateForm == DateForm.WordPressMeta).Select(a => StoredItems.IdOf(s, a))).ToList();
        Assert.NotEmpty(migrated);
        Assert.DoesNotContain(migrated, firstCrawl.Contains);
        foreach (var site in pipeline.Farm.Sites)
        {
            foreach (var article in site.Articles)
            {
                Assert.True(byId.TryGetValue(StoredItems.IdOf(site, article), out var item), $"{site.Id}: {article.Path} was not backfilled");
                AssertDatedAsItsPageShows(article, item);
            }
            AssertEstimatesKeepListOrder(site, byId);
        }
    }

    /// <summary>
    /// A date the page shows is stored to the day (to the second from meta), whatever its age; an article whose
    /// page shows none is placed between its dated list neighbours, never at the crawl time.
    /// </summary>
    private static void AssertDatedAsItsPageShows(FixtureArticle article, Item item)
    {
        if (article.ExpectedPublished is { } expected)
        {
            Assert.True(WibDay(expected) == WibDay(item.Published), $"{item.Id}: expected {expected:o} ({article.DateForm}), got {item.Published:o} from {item.DateSource}");
            if (article.ExpectedDateSource == "Meta") Assert.Equal(expected, item.Published);
        }
        else
        {
            Assert.Equal(FeedHub.Extraction.DateSource.ListOrder, item.DateSource);
            Assert.InRange(item.Published, DateTimeOffset.MinValue, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>On each category list (newest first), every estimated date lies between the stored dates of its neighbours.</summary>
    private static void AssertEstimatesKeepListOrder(FixtureSite site, IReadOnlyDictionary<string, Item> byId)
    {
        foreach (var list in site.Articles.GroupBy(a => a.CategoryId))
        {
            var stored = list.OrderByDescending(a => a.Published)
                .Select(a => byId[StoredItems.IdOf(site, a)]).ToList();
            for (var i = 0; i < stored.Count; i++)
            {
                if (stored[i].DateSource != FeedHub.Extraction.DateSource.ListOrder) continue;
                if (i > 0) Assert.True(stored[i].Published <= stored[i - 1].Published, $"{stored[i].Id} is estimated newer than the item above it on the list");
                if (i + 1 < stored.Count) Assert.True(stored[i].Published >= stored[i + 1].Published, $"{stored[i].Id} is estimated older than the item below it on the list");
            }
        }
    }

    [Fact]
    public async Task Second_crawl_with_changed_view_counters_updates_nothing_and_refetches_no_article()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 6, articles: 20);
        await pipeline.CrawlAsync();
        pipeline.Farm.Log.Clear();

        var reports = await pipeline.CrawlAsync();

        Assert.All(reports, r => Assert.Equal((0, 0), (r.New, r.Updated)));
        var articleRequests = pipeline.Farm.Log.All.Where(r => r.PathAndQuery.Contains("/read/") || r.PathAndQuery.Contains("/baca/"));
        Assert.Empty(articleRequests);
    }

    [Fact]
    public async Task An_edited_article_is_reported_as_one_update_with_a_new_version()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 3, articles: 12);
        await pipeline.CrawlAsync();
        var site = pipeline.Farm.Sites[1];
        var edited = site.Edit(site.Articles[2], "Teks sintetis yang diperbarui setelah rapat pleno. (HumasKPU)");

        var reports = await pipeline.CrawlAsync();

        Assert.Equal(1, reports.Sum(r => r.Updated));
        Assert.Equal(0, reports.Sum(r => r.New));
        var item = (await AllItemsAsync(pipeline.Items)).Single(i => i.SourceId == site.Id && i.Version == 2);
        Assert.Equal(edited.Title, item.Title);
        Assert.NotNull(item.Updated);
        Assert.Contains("diperbarui", item.ContentHtml);
    }

    [Theory]
    [InlineData(SiteMode.ServerError, "500")]
    [InlineData(SiteMode.Timeout, "timed out")]
    [InlineData(SiteMode.Maintenance, "no article links")]
    [InlineData(SiteMode.Redesign, "no article links")]
    public async Task A_broken_site_fails_with_its_reason_while_the_others_succeed(SiteMode mode, string reason)
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 4, articles: 8);
        await pipeline.CrawlAsync();
        var storedBefore = await AllItemsAsync(pipeline.Items);
        var broken = pipeline.Farm.Sites[2];
        broken.Mode = mode;

        var reports = await pipeline.CrawlAsync();

        var failed = Assert.Single(reports, r => r.Outcome == CrawlOutcome.Failed);
        Assert.Equal(broken.Id, failed.SourceId);
        Assert.Contains(reason, failed.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(mode is SiteMode.Maintenance or SiteMode.Redesign ? FailureKind.Extraction : FailureKind.Fetch, failed.FailureKind);
        Assert.Equal(storedBefore.Select(i => (i.Id, i.ContentHash, i.Version)), (await AllItemsAsync(pipeline.Items)).Select(i => (i.Id, i.ContentHash, i.Version)));
        var state = await pipeline.States.GetAsync(broken.Id, CancellationToken.None);
        Assert.Equal(1, state!.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_site_whose_robots_txt_disallows_us_is_not_crawled_and_says_why()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 2, articles: 5);
        var closed = pipeline.Farm.Sites[0];
        closed.Robots = RobotsMode.DisallowAll;

        var reports = await pipeline.CrawlAsync();

        var failed = Assert.Single(reports, r => r.Outcome == CrawlOutcome.Failed);
        Assert.Equal(closed.Id, failed.SourceId);
        Assert.Contains("robots.txt", failed.Error);
        Assert.All(pipeline.Farm.Log.For(closed.Id), r => Assert.Equal("/robots.txt", r.PathAndQuery));
    }

    [Fact]
    public async Task Requests_to_one_host_never_overlap_and_keep_the_minimum_gap()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 8, articles: 15);

        await pipeline.CrawlAsync();

        Assert.Equal(1, pipeline.Farm.Log.MaxConcurrencyPerHost());
        // The server logs a request's end after its last write, a hair before the client sees it.
        Assert.True(pipeline.Farm.Log.MinGapPerHost() >= FarmPipeline.Gap - TimeSpan.FromMilliseconds(2),
            $"smallest gap {pipeline.Farm.Log.MinGapPerHost()?.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Paging_stops_at_the_first_page_that_holds_a_known_article()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 1, articles: 30);
        await pipeline.CrawlAsync();
        var site = pipeline.Farm.Sites[0];
        site.Publish("KPU Gelar Rapat Koordinasi Persiapan Pilkada", "Teks sintetis tentang rapat koordinasi. (HumasKPU)", DateTimeOffset.UtcNow);
        pipeline.Farm.Log.Clear();

        var report = Assert.Single(await pipeline.CrawlAsync());

        Assert.Equal(1, report.New);
        Assert.Single(pipeline.Farm.Log.All, r => r.PathAndQuery.Contains("/category/"));
    }
}
