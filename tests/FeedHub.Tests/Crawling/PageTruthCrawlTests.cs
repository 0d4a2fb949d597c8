using System.Text.RegularExpressions;
using FeedHub.Extraction;
using FeedHub.Fixtures;
using FeedHub.Normalisation;
using FeedHub.Storage;
using Xunit.Abstractions;

namespace FeedHub.Tests.Crawling;

/// <summary>One cold crawl of 36 fake KPU sites on every template, shared by the checks below.</summary>
public sealed class CrawledFarm : IAsyncLifetime
{
    public FarmPipeline Pipeline { get; private set; } = null!;
    public IReadOnlyList<(FixtureSite Site, FixtureArticle Truth, Item? Item)> Articles { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Pipeline = await FarmPipeline.StartAsync(sites: 36, articles: 20);
        await Pipeline.CrawlAsync();
        var stored = await StoredItems.AllAsync(Pipeline.Items);
        var byId = stored.ToDictionary(i => i.Id);
        Articles = Pipeline.Farm.Sites
            .SelectMany(site => site.Articles.Select(truth => (site, truth, byId.GetValueOrDefault(StoredItems.IdOf(site, truth)))))
            .ToList();
    }

    public async Task DisposeAsync() => await Pipeline.DisposeAsync();
}

/// <summary>Every stored item carries what its page shows: headline, category, text without ads, no credit code as author.</summary>
public sealed partial class PageTruthCrawlTests(CrawledFarm farm, ITestOutputHelper output) : IClassFixture<CrawledFarm>
{
    [Fact]
    public void Every_title_is_the_page_headline_on_every_template()
    {
        Assert.All(farm.Articles, a => Assert.NotNull(a.Item));
        foreach (var markup in Enum.GetValues<MarkupVariant>())
        {
            var onTemplate = farm.Articles.Where(a => a.Site.Markup == markup).ToList();
            Assert.NotEmpty(onTemplate);
            var right = onTemplate.Count(a => a.Item!.Title == a.Truth.Title);
            output.WriteLine($"{markup}: {right}/{onTemplate.Count} titles equal the headline");
        }
        Assert.All(farm.Articles, a => Assert.Equal(a.Truth.Title, a.Item!.Title));
    }

    [Fact]
    public void A_first_crawl_dates_no_item_first_seen_whatever_its_template_or_posting_habit()
    {
        Assert.Contains(farm.Articles, a => a.Site.PostsSparsely);
        Assert.Contains(farm.Articles, a => a.Truth.DateForm == DateForm.WordPressMeta);
        foreach (var group in farm.Articles.GroupBy(a => a.Truth.DateForm).OrderBy(g => g.Key))
            output.WriteLine($"{group.Key}: " + string.Join(", ", group.GroupBy(a => a.Item!.DateSource).Select(s => $"{s.Key} {s.Count()}")));
        Assert.All(farm.Articles, a => Assert.True(a.Item!.DateSource != DateSource.FirstSeen,
            $"{a.Item.Id} ({a.Site.Markup}, {a.Truth.DateForm}) is dated first-seen although its page shows {a.Truth.ExpectedPublished:o}"));
    }

    [Fact]
    public void Every_item_has_the_category_its_page_or_its_list_shows()
    {
        output.WriteLine($"{farm.Articles.Count(a => a.Item?.Category is null)} of {farm.Articles.Count} items without category; " +
            $"{farm.Articles.Count(a => a.Truth.Category is null)} pages show none");
        Assert.All(farm.Articles, a => Assert.Equal(a.Truth.Category ?? a.Site.CategoryHeading(a.Truth.CategoryId), a.Item!.Category));
    }

    [Fact]
    public void The_inline_ad_block_never_reaches_stored_content()
    {
        Assert.Contains(farm.Pipeline.Farm.Sites, site => site.ShowsInlineAd);
        Assert.All(farm.Articles, a => Assert.DoesNotContain(FixtureSite.InlineAdText, a.Item!.ContentHtml));
        Assert.All(farm.Articles, a => Assert.DoesNotContain("banner-cekdpt", a.Item!.ImageUrl ?? ""));
    }

    [Fact]
    public void No_author_is_a_credit_code()
    {
        Assert.Contains(farm.Articles, a => CreditCode().IsMatch(a.Truth.BodyText));
        Assert.All(farm.Articles, a => Assert.True(a.Item!.Author is null || !CreditCode().IsMatch(a.Item.Author), a.Item.Author));
    }

    [Fact]
    public void No_summary_starts_with_a_meta_line()
    {
        Assert.Contains(farm.Pipeline.Farm.Sites, site => site.Markup == MarkupVariant.Plain);
        Assert.All(farm.Articles, a => Assert.DoesNotMatch(MetaStart(), a.Item!.Summary));
    }

    [GeneratedRegex(@"[/*()\[\]]|foto|Humas", RegexOptions.IgnoreCase)]
    private static partial Regex CreditCode();

    /// <summary>"Rabu, 25 November 2026 · Dilihat 12 kali", "Dilihat 12 kali", "08 May 2020 | 0 Comments | By admin".</summary>
    [GeneratedRegex(@"^(?:[\p{L}']+,\s*)?\d{1,2}\s+\p{L}+\s+\d{4}\s*[·|]|^(?:Telah\s+)?Dilihat\s+\d|^\d+\s+Comments", RegexOptions.IgnoreCase)]
    private static partial Regex MetaStart();
}

/// <summary>All stored items, page by page.</summary>
internal static class StoredItems
{
    /// <summary>The id a fixture article is stored under: {source}:{numeric id}, else {source}:{slug}.</summary>
    public static string IdOf(FixtureSite site, FixtureArticle article) =>
        article.NumericId is { } number ? $"{site.Id}:{number}" : $"{site.Id}:{article.Slug}";

    public static async Task<IReadOnlyList<Item>> AllAsync(ItemStore store)
    {
        var all = new List<Item>();
        var filter = new ItemFilter { Limit = 500 };
        while (true)
        {
            var page = await store.QueryAsync(filter, CancellationToken.None);
            all.AddRange(page);
            if (page.Count < filter.Limit) return all;
            filter = filter with { Before = new ItemCursor(page[^1].Published, page[^1].Id) };
        }
    }
}
