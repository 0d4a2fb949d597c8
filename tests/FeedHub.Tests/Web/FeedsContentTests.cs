using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FeedHub.Normalisation;
using FeedHub.Publishing;

namespace FeedHub.Tests.Web;

/// <summary>What the served feeds hold after a crawl: every item through paging, exactly the filtered items, each field.</summary>
[Collection(FeedsServerCollection.Name)]
public partial class FeedsContentTests(FeedsServer server)
{
    private static readonly DateTimeOffset Nov20 = new(2025, 11, 20, 0, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    [InlineData("json")]
    public async Task Paging_through_next_links_visits_every_stored_item_once_newest_first(string extension)
    {
        var entries = await FeedsReader.WalkAsync(server, $"feeds/all.{extension}");
        Assert.Equal(server.Items.Select(i => TagUri.ForItem(i.Id)), entries.Select(e => e.Id));
    }

    [Theory]
    [InlineData("kab-blora")]
    [InlineData("kota-semarang")]
    [InlineData("jateng")]
    public async Task A_source_feed_holds_exactly_that_source_items(string source) =>
        await AssertFeedHolds($"feeds/{source}.atom", i => i.SourceId == source);

    [Fact]
    public async Task A_region_feed_holds_the_items_of_the_region_sources()
    {
        var region = server.Sources.GroupBy(s => s.Region).OrderByDescending(g => g.Count()).First();
        var ids = region.Select(s => s.Id).ToHashSet();
        await AssertFeedHolds($"feeds/region/{region.Key}.rss", i => ids.Contains(i.SourceId), narrows: false);
    }

    [Fact]
    public async Task A_search_word_finds_exactly_the_items_whose_title_or_text_hold_it() =>
        await AssertFeedHolds("feeds/all.atom?q=disabilitas", i => Words(i).Contains("disabilitas"));

    [Fact]
    public async Task A_search_ignores_case() =>
        await AssertFeedHolds("feeds/all.json?q=DISABILITAS", i => Words(i).Contains("disabilitas"));

    [Fact]
    public async Task A_quoted_phrase_finds_exactly_the_items_holding_those_words_in_order() =>
        await AssertFeedHolds("feeds/all.atom?q=%22pemilih%20pemula%22", i => HasPhrase(Words(i), "pemilih", "pemula"));

    [Fact]
    public async Task Several_search_words_must_all_appear() =>
        await AssertFeedHolds("feeds/all.rss?q=rapat%20pleno", i => Words(i).Contains("rapat") && Words(i).Contains("pleno"));

    [Fact]
    public async Task A_source_list_keeps_exactly_those_sources() =>
        await AssertFeedHolds("feeds/all.atom?source=kota-semarang,kab-blora", i => i.SourceId is "kota-semarang" or "kab-blora");

    [Fact]
    public async Task A_repeated_source_parameter_adds_to_the_list() =>
        await AssertFeedHolds("feeds/all.json?source=kota-semarang&source=kab-blora", i => i.SourceId is "kota-semarang" or "kab-blora");

    [Fact]
    public async Task A_category_parameter_keeps_exactly_that_category() =>
        await AssertFeedHolds("feeds/all.atom?category=sosialisasi", i => string.Equals(i.Category, "Sosialisasi", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_category_feed_holds_exactly_that_category() =>
        await AssertFeedHolds("feeds/category/Berita%20Terkini.json", i => i.Category == "Berita Terkini");

    [Fact]
    public async Task Since_a_date_keeps_items_published_from_midnight_WIB() =>
        await AssertFeedHolds("feeds/all.atom?since=2025-11-20", i => i.Published >= Nov20);

    [Fact]
    public async Task Since_a_date_time_with_offset_keeps_items_published_from_then() =>
        await AssertFeedHolds("feeds/all.atom?since=2025-11-20T12:30:00%2B08:00", i => i.Published >= new DateTimeOffset(2025, 11, 20, 12, 30, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task Filters_combine()
    {
        await AssertFeedHolds("feeds/region/jawa-tengah.atom?source=kab-blora,kab-kudus&since=2025-11-01&q=pemilih",
            i => i.SourceId is "kab-blora" or "kab-kudus" && i.Published >= Nov20.AddDays(-19) && Words(i).Contains("pemilih"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(200)]
    public async Task Limit_bounds_the_page_and_the_next_page_continues(int limit)
    {
        var first = FeedsReader.Read(FeedFormat.Atom, await server.GetBytesAsync($"feeds/all.atom?limit={limit}"));
        var second = FeedsReader.Read(FeedFormat.Atom, await server.GetBytesAsync(first.Next!.AbsoluteUri));
        Assert.Equal(server.Items.Take(limit).Select(i => TagUri.ForItem(i.Id)), first.Entries.Select(e => e.Id));
        Assert.Equal(server.Items.Skip(limit).Take(limit).Select(i => TagUri.ForItem(i.Id)), second.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task The_default_page_holds_fifty_items()
    {
        var page = FeedsReader.Read(FeedFormat.Rss, await server.GetBytesAsync("feeds/all.rss"));
        Assert.Equal(FeedQuery.DefaultLimit, page.Entries.Count);
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    [InlineData("json")]
    public async Task Entries_show_the_stored_title_link_and_publication_time(string extension)
    {
        var format = FeedFormats.FromExtension(extension)!.Value;
        var entries = FeedsReader.Read(format, await server.GetBytesAsync($"feeds/all.{extension}?limit=200")).Entries;
        var items = server.Items.Take(200).ToList();
        Assert.Equal(items.Select(i => i.Title), entries.Select(e => e.Title));
        Assert.Equal(items.Select(i => i.Link), entries.Select(e => e.Link));
        // Feeds show whole seconds; a first-seen date is stored with a fraction.
        Assert.Equal(items.Select(i => (i.Published.ToUnixTimeSeconds(), i.Published.Offset)), entries.Select(e => (e.Published.ToUnixTimeSeconds(), e.Published.Offset)));
    }

    [Fact]
    public async Task RSS_dates_are_RFC_822_with_a_four_digit_year_and_the_source_offset()
    {
        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString(await server.GetBytesAsync("feeds/all.rss")));
        var dates = rss.Descendants("pubDate").Select(d => d.Value).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$", d));
    }

    [Fact]
    public async Task JSON_feed_pages_follow_the_1_1_spec()
    {
        for (Uri? next = new(server.BaseAddress, "feeds/all.json?limit=200"); next is not null;)
        {
            using var json = JsonDocument.Parse(await server.GetBytesAsync(next.AbsoluteUri));
            var root = json.RootElement;
            Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
            Assert.True(Absolute(root.GetProperty("home_page_url").GetString()));
            Assert.True(Absolute(root.GetProperty("feed_url").GetString()));
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("id").GetString()));
                Assert.True(Absolute(item.GetProperty("url").GetString()));
                Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", item.GetProperty("date_published").GetString());
                if (item.TryGetProperty("image", out var image)) Assert.True(Absolute(image.GetString()));
                if (item.TryGetProperty("authors", out var authors))
                    Assert.All(authors.EnumerateArray(), a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("name").GetString())));
            }
            next = root.TryGetProperty("next_url", out var url) ? new Uri(url.GetString()!) : null;
        }
    }

    [Theory]
    [InlineData("feeds/all.atom?limit=200")]
    [InlineData("feeds/all.rss?limit=200")]
    public async Task Every_link_in_the_XML_feeds_is_absolute(string path)
    {
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(await server.GetBytesAsync(path)));
        var urls = doc.Descendants().Attributes().Where(a => a.Name.LocalName is "href" or "url").Select(a => a.Value)
            .Concat(doc.Descendants().Where(e => e.Name.LocalName is "link" && !e.HasAttributes).Select(e => e.Value))
            .ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.True(Absolute(u), u));
    }

    [Fact]
    public async Task OPML_lists_the_combined_feed_and_every_source_grouped_by_region()
    {
        var opml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(await server.GetBytesAsync("opml")));
        var body = opml.Root!.Element("body")!;
        var feeds = body.Descendants("outline").Where(o => o.Attribute("xmlUrl") is not null).ToList();
        Assert.Equal(server.Sources.Count + 1, feeds.Count);
        Assert.Equal(new Uri(server.BaseAddress, "feeds/all.atom").AbsoluteUri, feeds[0].Attribute("xmlUrl")!.Value);
        foreach (var region in body.Elements("outline").Skip(1))
            Assert.All(region.Elements("outline"), o => Assert.Contains(server.Sources, s =>
                new Uri(server.BaseAddress, $"feeds/{s.Id}.atom").AbsoluteUri == o.Attribute("xmlUrl")!.Value && FeedPage.RegionName(s.Region) == region.Attribute("text")!.Value));
        foreach (var feed in feeds)
        {
            using var response = await server.SendAsync(HttpMethod.Head, feed.Attribute("xmlUrl")!.Value);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <param name="narrows">Whether the filter must leave some items out, or it would prove nothing.</param>
    private async Task AssertFeedHolds(string path, Func<Item, bool> matches, bool narrows = true)
    {
        var expected = server.Items.Where(matches).Select(i => TagUri.ForItem(i.Id)).ToList();
        Assert.NotEmpty(expected);
        Assert.True(!narrows || expected.Count < server.Items.Count, $"the filter of {path} keeps every item; it proves nothing");
        var entries = await FeedsReader.WalkAsync(server, path.Contains('?') ? path + "&limit=200" : path + "?limit=200");
        Assert.Equal(expected, entries.Select(e => e.Id));
    }

    /// <summary>The words the full-text index holds for an item: title and content text, lower-cased.</summary>
    private static IReadOnlyList<string> Words(Item item) =>
        WordPattern().Matches(item.Title + " " + HtmlText.Lines(item.ContentHtml))
            .Select(m => m.Value.ToLower(CultureInfo.InvariantCulture)).ToList();

    private static bool HasPhrase(IReadOnlyList<string> words, string first, string second) =>
        words.Zip(words.Skip(1)).Any(pair => pair.First == first && pair.Second == second);

    private static bool Absolute(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
