using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Normalisation;

namespace FeedHub.Tests.Crawling;

/// <summary>A site relaunched on a new template and URL form is the same site: its stories are moved, not updated.</summary>
public sealed class RelaunchCrawlTests
{
    [Fact]
    public async Task A_relaunch_moves_every_link_and_updates_or_duplicates_nothing()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 36, articles: 12);
        await pipeline.CrawlAsync();
        var before = (await StoredItems.AllAsync(pipeline.Items)).ToDictionary(i => i.Id);
        var sites = pipeline.Farm.Sites;
        for (var i = 0; i < sites.Count; i++)
        {
            sites[i].Mode = SiteMode.Relaunch;
            sites[i].OldLinksRedirect = i % 2 == 0;
        }

        var reports = await pipeline.CrawlAsync();

        Assert.All(reports, r => Assert.True(r.Outcome == CrawlOutcome.Ok, r.Summary));
        Assert.Equal((0, 0), (reports.Sum(r => r.New), reports.Sum(r => r.Updated)));
        var after = await StoredItems.AllAsync(pipeline.Items);
        Assert.Equal(before.Keys.Order(), after.Select(i => i.Id).Order());
        Assert.All(after, item =>
        {
            var old = before[item.Id];
            Assert.Equal((old.Version, old.Updated, old.Title, old.Category), (item.Version, item.Updated, item.Title, item.Category));
        });
        var links = after.Select(i => i.Link).ToHashSet();
        foreach (var site in sites)
        foreach (var article in site.Articles)
            Assert.Contains(CanonicalUrl.Of(site.RelaunchedUrlOf(article), site.BaseUri).AbsoluteUri, links);
    }

    [Fact]
    public async Task A_new_template_on_the_same_links_updates_nothing()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 36, articles: 12);
        await pipeline.CrawlAsync();
        var before = (await StoredItems.AllAsync(pipeline.Items)).ToDictionary(i => i.Id);
        var templates = Enum.GetValues<MarkupVariant>();
        foreach (var site in pipeline.Farm.Sites)
            site.Markup = templates[(Array.IndexOf(templates, site.Markup) + 1) % templates.Length];

        var reports = await pipeline.CrawlAsync();

        Assert.All(reports, r => Assert.True(r.Outcome == CrawlOutcome.Ok, r.Summary));
        Assert.Equal((0, 0), (reports.Sum(r => r.New), reports.Sum(r => r.Updated)));
        Assert.All(await StoredItems.AllAsync(pipeline.Items), item =>
            Assert.Equal((before[item.Id].Version, before[item.Id].Updated, before[item.Id].Published), (item.Version, item.Updated, item.Published)));
    }

    [Fact]
    public async Task After_a_relaunch_a_crawl_reads_no_article_again()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 3, articles: 12);
        await pipeline.CrawlAsync();
        foreach (var site in pipeline.Farm.Sites) site.Mode = SiteMode.Relaunch;
        await pipeline.CrawlAsync();
        pipeline.Farm.Log.Clear();

        var reports = await pipeline.CrawlAsync();

        Assert.Equal((0, 0), (reports.Sum(r => r.New), reports.Sum(r => r.Updated)));
        Assert.DoesNotContain(pipeline.Farm.Log.All, r => r.PathAndQuery.Contains("/baca/") || r.PathAndQuery.Contains("/read/"));
    }

    [Fact]
    public async Task A_story_published_after_the_relaunch_takes_its_list_category_when_the_page_shows_none()
    {
        await using var pipeline = await FarmPipeline.StartAsync(sites: 2, articles: 8);
        await pipeline.CrawlAsync();
        var site = pipeline.Farm.Sites[0];
        site.Mode = SiteMode.Relaunch;
        var fresh = site.Publish("KPU Gelar Bimtek Tata Kelola Arsip Pemilu",
            "Teks sintetis bimbingan teknis tata kelola arsip bagi staf sekretariat. (HumasKPU)", DateTimeOffset.UtcNow);

        var reports = await pipeline.CrawlAsync();

        Assert.Equal(1, reports.Sum(r => r.New));
        var item = (await StoredItems.AllAsync(pipeline.Items)).Single(i => i.Title == fresh.Title);
        Assert.Equal(site.CategoryHeading(fresh.CategoryId), item.Category);
        Assert.Equal(CanonicalUrl.Of(site.RelaunchedUrlOf(fresh), site.BaseUri).AbsoluteUri, item.Link);
    }
}
