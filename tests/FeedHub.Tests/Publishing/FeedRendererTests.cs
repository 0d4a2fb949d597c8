using System.Text;
using FeedHub.Publishing;
using FeedHub.Storage;
using FeedHub.Tests.Storage;

namespace FeedHub.Tests.Publishing;

public sealed class FeedRendererTests : IAsyncLifetime
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly TempDatabase _db = new();
    private readonly PublishedSources _sources = new(Samples.Sources);
    private FeedRenderer _renderer = null!;

    public Task InitializeAsync()
    {
        _renderer = new FeedRenderer(_db.Items, new ChangeStampCache(_db.Items, _db.Time, MaxAge), new RenderCache(), _db.Time);
        return _db.InitializeAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<Rendered> RenderAsync(FeedQuery? query = null, PublishedSources? sources = null, PublicUrls? urls = null) =>
        _renderer.RenderAsync(query ?? Samples.Query(), sources ?? _sources, urls ?? Samples.Urls, CancellationToken.None);

    private static string Text(Rendered rendered) => Encoding.UTF8.GetString(rendered.Body);

    [Fact]
    public async Task A_feed_rendered_at_the_current_stamp_is_served_without_reading_items()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        var first = await RenderAsync();
        _db.Execute("DELETE FROM items;");
        Assert.Same(first, await RenderAsync());
    }

    [Fact]
    public async Task A_commit_of_this_process_shows_at_once()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        await RenderAsync();
        await _db.CommitAsync(TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10)));
        Assert.Contains("kab-blora:2", Text(await RenderAsync()));
    }

    [Fact]
    public async Task A_commit_of_another_process_shows_once_the_read_stamp_is_older_than_its_max_age()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        var before = await RenderAsync();
        var otherProcess = new ItemStore(_db.Database);
        await otherProcess.CommitAsync(new SourceRun
        {
            SourceId = "kab-blora",
            Items = [TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10))],
            State = SourceState.New("kab-blora"),
        }, CancellationToken.None);
        Assert.Same(before, await RenderAsync());
        _db.Time.Advance(MaxAge);
        Assert.Contains("kab-blora:2", Text(await RenderAsync()));
    }

    [Fact]
    public async Task Reads_one_item_more_than_the_page_to_offer_a_next_link()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10)),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 11)));
        Assert.Contains("rel=\"next\"", Text(await RenderAsync(Samples.Query(limit: 2))));
        Assert.DoesNotContain("rel=\"next\"", Text(await RenderAsync(Samples.Query(limit: 3))));
    }

    [Fact]
    public async Task Last_modified_is_the_last_change_of_the_matching_items()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        _db.Time.Advance(TimeSpan.FromHours(2));
        await _db.CommitAsync(TestItems.Write("kab-kudus", 1, TestItems.WibTime(8, 9)));
        var blora = await RenderAsync(Samples.Query(FeedScope.Source("kab-blora")));
        Assert.Equal(TempDatabase.Start, blora.LastModified);
        Assert.Equal(TempDatabase.Start.AddHours(2), (await RenderAsync()).LastModified);
    }

    [Fact]
    public async Task An_empty_feed_is_updated_at_the_store_last_change()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        var kudus = Text(await RenderAsync(Samples.Query(FeedScope.Source("kab-kudus"))));
        Assert.Contains("<updated>2025-12-08T03:00:00Z</updated>", kudus);
    }

    [Fact]
    public async Task Each_public_base_URL_gets_its_own_rendering()
    {
        var local = await RenderAsync();
        var proxied = await RenderAsync(urls: new PublicUrls(new Uri("https://feeds.example.org/kpu/")));
        Assert.Contains("https://feeds.example.org/kpu/feeds/all.atom", Text(proxied));
        Assert.NotEqual(local.ETag, proxied.ETag);
    }

    [Fact]
    public async Task A_renamed_source_renders_afresh_without_a_store_change()
    {
        var query = Samples.Query(FeedScope.Source("kab-blora"));
        await RenderAsync(query);
        var renamed = new PublishedSources(Samples.Sources.Select(s => s.Id == "kab-blora" ? s with { Name = "KPU Blora" } : s).ToList());
        Assert.Contains("<title type=\"text\">KPU Blora</title>", Text(await RenderAsync(query, renamed)));
    }

    [Theory]
    [InlineData(FeedFormat.Atom, "application/atom+xml", "<feed")]
    [InlineData(FeedFormat.Rss, "application/rss+xml", "<rss")]
    [InlineData(FeedFormat.Json, "application/feed+json", "{\"version\":\"https://jsonfeed.org/version/1.1\"")]
    public async Task Renders_each_format_with_its_media_type(FeedFormat format, string mediaType, string start)
    {
        var rendered = await RenderAsync(Samples.Query(format: format));
        Assert.Equal(mediaType, rendered.MediaType);
        Assert.Contains(start, Text(rendered));
    }

    [Fact]
    public async Task OPML_lists_every_source_and_is_dated_at_the_store_last_change()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        var opml = await _renderer.RenderOpmlAsync(_sources, Samples.Urls, CancellationToken.None);
        Assert.Equal(FeedFormats.OpmlMediaType, opml.MediaType);
        Assert.Equal(Samples.Sources.Count + 1, Text(opml).Split("xmlUrl=").Length - 1);
        Assert.Contains("<dateCreated>Mon, 08 Dec 2025 03:00:00 +0000</dateCreated>", Text(opml));
    }

    private static DateTimeOffset Wib(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, Samples.Wib);

    private Task<Rendered> ArchiveAsync(string month, FeedScope? scope = null) =>
        RenderAsync(Samples.Query(scope) with { Archive = Samples.Month(month) });

    private Task<IReadOnlyList<ArchiveMonth>> ArchivesAsync(FeedScope? scope = null) =>
        _renderer.ArchivesAsync(scope ?? FeedScope.All, _sources, CancellationToken.None);

    [Fact]
    public async Task Archives_are_the_past_months_with_items_newest_first_never_the_clock_month()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, Wib(2025, 9, 3)),
            TestItems.Write("kab-blora", 2, Wib(2025, 11, 20)),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 9)));
        Assert.Equal([Samples.Month("2025-11"), Samples.Month("2025-09")], await ArchivesAsync());
        await Assert.ThrowsAsync<ArchiveNotFoundException>(() => ArchiveAsync("2025-12"));
    }

    [Fact]
    public async Task A_month_without_items_of_the_feed_has_no_archive()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, Wib(2025, 9, 3)), TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 9)));
        var error = await Assert.ThrowsAsync<ArchiveNotFoundException>(() => ArchiveAsync("2025-10"));
        Assert.Contains("/feeds/archive/2025-10/all.atom", error.Message);
        await Assert.ThrowsAsync<ArchiveNotFoundException>(() => ArchiveAsync("2025-09", FeedScope.Source("kab-kudus")));
    }

    [Fact]
    public async Task An_item_at_18h_UTC_on_30_November_is_archived_in_December_WIB()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 11, 30, 16, 0, 0, TimeSpan.Zero)),
            TestItems.Write("kab-blora", 2, new DateTimeOffset(2025, 11, 30, 18, 0, 0, TimeSpan.Zero)),
            TestItems.Write("kab-blora", 3, Wib(2026, 1, 5)));
        _db.Time.Advance(TimeSpan.FromDays(30));
        Assert.Contains("kab-blora:2", Text(await ArchiveAsync("2025-12")));
        Assert.DoesNotContain("kab-blora:1", Text(await ArchiveAsync("2025-12")));
        Assert.Contains("kab-blora:1", Text(await ArchiveAsync("2025-11")));
    }

    [Fact]
    public async Task A_month_stays_open_until_an_item_of_a_later_month_is_stored()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, Wib(2025, 11, 20)));
        Assert.Empty(await ArchivesAsync());
        await _db.CommitAsync(TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 9)));
        Assert.Equal([Samples.Month("2025-11")], await ArchivesAsync());
    }

    [Fact]
    public async Task An_item_dated_into_next_month_does_not_close_the_clock_month()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(1, 9)), TestItems.Write("kab-blora", 2, Wib(2026, 1, 1)));
        Assert.Empty(await ArchivesAsync());
    }

    [Fact]
    public async Task When_the_clock_enters_a_new_month_the_live_feed_links_the_closed_month_without_a_store_change()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, Wib(2025, 11, 20)), TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 9)));
        Assert.Contains("/feeds/archive/2025-11/all.atom", Text(await RenderAsync()));
        await _db.CommitAsync(TestItems.Write("kab-blora", 3, Wib(2026, 1, 2)));
        _db.Time.Advance(TimeSpan.FromDays(26));
        var live = Text(await RenderAsync());
        Assert.Contains("rel=\"prev-archive\" type=\"application/atom+xml\" href=\"http://127.0.0.1:5080/feeds/archive/2025-12/all.atom\"", live);
    }

    [Fact]
    public async Task An_archive_holds_every_item_of_its_month_beyond_the_store_page_size()
    {
        var november = Enumerable.Range(1, ItemStore.MaxLimit + 20)
            .Select(i => TestItems.Write("kab-blora", i, Wib(2025, 11, 1, 0).AddHours(i))).ToArray();
        await _db.CommitAsync([.. november, TestItems.Write("kab-blora", 9999, TestItems.WibTime(8, 9))]);
        var archive = Text(await ArchiveAsync("2025-11"));
        Assert.Equal(ItemStore.MaxLimit + 20, archive.Split("<entry>").Length - 1);
        Assert.DoesNotContain("rel=\"next\"", archive);
    }

    [Fact]
    public async Task An_archive_is_last_modified_at_the_last_change_of_its_month_items()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, Wib(2025, 11, 20)));
        _db.Time.Advance(TimeSpan.FromHours(2));
        await _db.CommitAsync(TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 9)));
        Assert.Equal(TempDatabase.Start, (await ArchiveAsync("2025-11")).LastModified);
    }
}
