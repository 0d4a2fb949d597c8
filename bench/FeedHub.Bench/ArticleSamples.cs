using FeedHub.Fixtures;
using FeedHub.Sources;

namespace FeedHub.Bench;

/// <summary>An article page as a site served it, with the source it belongs to.</summary>
internal sealed record ArticleSample(Source Source, Uri Url, string Html);

/// <summary>
/// Real fixture article pages (the same engine as the tests and the crawl), downloaded once from a farm
/// on loopback: the material of the extraction section and of the synthetic store's items.
/// </summary>
internal static class ArticleSamples
{
    /// <returns>The farm's feeds.json, its sources, and every article page of every site.</returns>
    public static async Task<(string FeedsJson, IReadOnlyList<Source> Sources, IReadOnlyList<ArticleSample> Pages)> DownloadAsync(
        int sites, int articlesPerSite, CancellationToken ct)
    {
        await using var farm = await FixtureFarm.StartAsync(
            new FarmOptions { SiteCount = sites, ArticlesPerSite = articlesPerSite, Now = CrawlSession.FarmNow }, ct);
        var feedsJson = farm.FeedsJson();
        var catalog = ConfigLoader.Parse(feedsJson);
        using var http = new HttpClient();
        var pages = new List<ArticleSample>();
        foreach (var site in farm.Sites)
        {
            var source = catalog.Find(site.Id) ?? throw new InvalidOperationException($"The farm's feeds.json lacks site {site.Id}.");
            foreach (var article in site.Articles)
            {
                var url = article.UrlOn(site);
                pages.Add(new ArticleSample(source, url, await http.GetStringAsync(url, ct)));
            }
        }
        return (feedsJson, catalog.Sources, pages);
    }
}
