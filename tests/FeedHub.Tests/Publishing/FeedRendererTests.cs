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
        _renderer = new FeedRenderer(_db.Items, new ChangeStampCache(_db.Items, _db.Time, MaxAge), new RenderCache());
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
}
