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
            // The stable id rule: {source}:{numeric id}, else {source}:{slug}.
            var id = article.NumericId is { } number ? $"{site.Id}:{number}" : $"{site.Id}:{article.Slug}";
            Assert.True(byId.TryGetValue(id, out var item), $"{site.Id}: {article.Path} ({article.Title}) was not stored as {id}");
            Assert.Equal(CanonicalUrl.Of(article.UrlOn(site), site.BaseUri).AbsoluteUri, item.Link);
            Assert.Equal(article.Title, item.Title);
            if (article.ExpectedPublished is { } expected)
            {
                Assert.True(WibDay(expected) == WibDay(item.Published), $"{item.Id}: expected {expected:o} ({article.DateForm}), got {item.Published:o} from {item.DateSource}");
                if (article.ExpectedDateSource == "Meta") Assert.Equal(expected, item.Published);
            }
            else
            {
                // Undated on its page: placed between its dated neighbours on the list, never at the crawl time.
                Assert.Equal(FeedHub.Extraction.DateSource.ListOrder, item.DateSource);
                Assert.InRange(item.Published, DateTimeOffset.MinValue, DateTimeOffset.UtcNow);
            }
        }
        foreach (var site in pipeline.Farm.Sites)
            AssertEstimatesKeepListOrder(site, byId);
    }

    /// <summary>On each category list (newest first), every estimated date lies between the stored dates of its neighbours.</summary>
    private static void AssertEstimatesKeepListOrder(FixtureSite site, IReadOnlyDictionary<string, Item> byId)
    {
        foreach (var list in site.Articles.GroupBy(a => a.CategoryId))
        {
            var stored = list.OrderByDescending(a => a.Published)
                .Select(a => byId[a.NumericId is { } number ? $"{site.Id}:{number}" : $"{site.Id}:{a.Slug}"]).ToList();
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
