using System.Net;
using FeedHub.Normalisation;
using FeedHub.Publishing;

namespace FeedHub.Tests.Web;

/// <summary>
/// RFC 5005 archived feeds as the `run` process serves them over the crawled fixture farm: the
/// server's clock stands at <see cref="FeedsServer.Now"/> (December 2025), so November and older
/// months are archives and December's items are in the live feeds.
/// </summary>
[Collection(FeedsServerCollection.Name)]
public class FeedsArchiveTests(FeedsServer server)
{
    private static readonly ArchiveMonth CurrentMonth = ArchiveMonth.Of(FeedsServer.Now);

    private IEnumerable<Item> PastItems(Func<Item, bool> inFeed) =>
        server.Items.Where(inFeed).Where(i => ArchiveMonth.Of(i.Published) < CurrentMonth);

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    [InlineData("json")]
    public async Task The_prev_archive_walk_and_the_current_month_visit_every_stored_item_exactly_once(string extension)
    {
        var archived = (await FeedsReader.WalkArchivesAsync(server, $"feeds/all.{extension}")).SelectMany(a => a.Entries).Select(e => e.Id);
        var current = server.Items.Where(i => ArchiveMonth.Of(i.Published) == CurrentMonth).Select(i => TagUri.ForItem(i.Id));
        Assert.Equal(server.Items.Select(i => TagUri.ForItem(i.Id)).Order(), archived.Concat(current).Order());
    }

    [Fact]
    public async Task Each_archive_holds_exactly_the_items_of_its_WIB_month_newest_first()
    {
        var archives = await FeedsReader.WalkArchivesAsync(server, "feeds/all.atom");
        Assert.True(archives.Count >= 2, $"the fixture crawl should span at least two past months, got {archives.Count}");
        foreach (var archive in archives)
        {
            var month = MonthOf(archive);
            var expected = server.Items.Where(i => ArchiveMonth.Of(i.Published) == month).Select(i => TagUri.ForItem(i.Id));
            Assert.Equal(expected, archive.Entries.Select(e => e.Id));
        }
    }

    [Theory]
    [InlineData("feeds/all.atom")]
    [InlineData("feeds/kab-blora.rss")]
    [InlineData("feeds/region/jawa-tengah.json")]
    public async Task Archives_are_marked_and_link_the_live_feed_and_their_neighbours_with_absolute_urls(string live)
    {
        var archives = await FeedsReader.WalkArchivesAsync(server, live);
        Assert.NotEmpty(archives);
        var liveUrl = new Uri(server.BaseAddress, live);
        for (var i = 0; i < archives.Count; i++)
        {
            var archive = archives[i];
            Assert.True(archive.IsArchive, $"{archive.Self} has no archive marker");
            Assert.True(archive.Self!.IsAbsoluteUri);
            Assert.Equal(liveUrl, archive.Current);
            Assert.Equal(i == 0 ? null : archives[i - 1].Self, archive.NextArchive);
            Assert.Equal(i == archives.Count - 1 ? null : archives[i + 1].Self, archive.PrevArchive);
        }
    }

    [Fact]
    public async Task The_live_feed_is_not_marked_as_an_archive()
    {
        var live = FeedsReader.Read(FeedFormat.Atom, await server.GetBytesAsync("feeds/all.atom"));
        Assert.False(live.IsArchive);
        Assert.Null(live.Current);
        Assert.Equal(new Uri(server.BaseAddress, FeedPath.For(FeedScope.All, FeedFormat.Atom, PastItems(_ => true).Select(i => ArchiveMonth.Of(i.Published)).Max()).TrimStart('/')),
            live.PrevArchive);
    }

    [Theory]
    [InlineData("kab-blora")]
    [InlineData("kota-semarang")]
    [InlineData("jateng")]
    public async Task A_source_links_exactly_its_past_months_that_hold_items(string source)
    {
        var archives = await FeedsReader.WalkArchivesAsync(server, $"feeds/{source}.atom");
        var months = PastItems(i => i.SourceId == source).Select(i => ArchiveMonth.Of(i.Published)).Distinct().OrderDescending();
        Assert.Equal(months, archives.Select(MonthOf));
        Assert.All(archives, a => Assert.NotEmpty(a.Entries));
    }

    [Fact]
    public async Task Unknown_parameters_on_an_archive_are_ignored()
    {
        var path = await NewestArchivePathAsync("rss");
        Assert.Equal(await server.GetBytesAsync(path), await server.GetBytesAsync(path + "?utm_source=wa&_=1765339200"));
    }

    [Theory]
    [InlineData("atom", "application/atom+xml")]
    [InlineData("rss", "application/rss+xml")]
    [InlineData("json", "application/feed+json")]
    public async Task An_archive_is_served_with_its_media_type_and_the_live_feeds_caching_headers(string extension, string mediaType)
    {
        using var response = await server.GetAsync(await NewestArchivePathAsync(extension));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task A_repeated_archive_request_with_its_ETag_gets_304()
    {
        var path = await NewestArchivePathAsync("atom");
        using var first = await server.GetAsync(path);
        using var again = await server.GetAsync(path, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task HEAD_of_an_archive_sends_its_length_without_a_body()
    {
        var path = await NewestArchivePathAsync("json");
        var body = await server.GetBytesAsync(path);
        using var head = await server.SendAsync(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_archive_is_compressed_for_readers_that_accept_it()
    {
        using var response = await server.GetAsync(await NewestArchivePathAsync("rss"), r => r.Headers.AcceptEncoding.ParseAdd("gzip"));
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_category_archive_path_is_percent_decoded_once()
    {
        var category = PastItems(i => i.Category is not null).GroupBy(i => i.Category!).OrderByDescending(g => g.Count()).First();
        var month = category.Select(i => ArchiveMonth.Of(i.Published)).Max();
        var page = FeedsReader.Read(FeedFormat.Atom, await server.GetBytesAsync(FeedPath.For(FeedScope.Category(category.Key), FeedFormat.Atom, month).TrimStart('/')));
        var expected = category.Where(i => ArchiveMonth.Of(i.Published) == month).Select(i => TagUri.ForItem(i.Id)).Order();
        Assert.Equal(expected, page.Entries.Select(e => e.Id).Order());
    }

    /// <summary>The path of the combined feed's newest archive, as its live feed links it.</summary>
    private async Task<string> NewestArchivePathAsync(string extension)
    {
        var live = FeedsReader.Read(FeedsReader.FormatOf(extension), await server.GetBytesAsync($"feeds/all.{extension}"));
        return live.PrevArchive!.AbsolutePath.TrimStart('/');
    }

    /// <summary>The month an archive's own URL names.</summary>
    private static ArchiveMonth MonthOf(PageView archive)
    {
        Assert.True(FeedPath.TryParse(archive.Self!.AbsolutePath, out _, out _, out var month), $"{archive.Self} is no feed path");
        return month!.Value;
    }
}
