using FeedHub.Publishing;
using FeedHub.Tests.Storage;

namespace FeedHub.Tests.Publishing;

public sealed class StaticExportTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly PublishedSources _sources = new([Samples.Source("kab-blora"), Samples.Source("kota-semarang")]);
    private FeedRenderer _renderer = null!;
    private string Folder => Path.Combine(_db.Directory, "public");

    public Task InitializeAsync()
    {
        _renderer = new FeedRenderer(_db.Items, new ChangeStampCache(_db.Items, _db.Time, TimeSpan.Zero), new RenderCache(), _db.Time);
        return _db.InitializeAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<IReadOnlyList<string>> ExportAsync() =>
        new StaticExport(_renderer, _db.Items).WriteAsync(Folder, _sources, Samples.Urls, CancellationToken.None);

    [Fact]
    public async Task The_opml_of_an_empty_store_is_dated_at_the_export_not_1970()
    {
        var renderer = new FeedRenderer(_db.Items, new ChangeStampCache(_db.Items, _db.Time, TimeSpan.Zero), new RenderCache(), _db.Time, staticSite: true);

        await new StaticExport(renderer, _db.Items).WriteAsync(Folder, _sources, Samples.Urls, CancellationToken.None);

        var opml = System.Xml.Linq.XDocument.Load(Path.Combine(Folder, "opml"));
        var created = DateTimeOffset.Parse(opml.Root!.Element("head")!.Element("dateCreated")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_db.Time.GetUtcNow().ToUnixTimeSeconds(), created.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Writes_the_combined_source_region_and_category_feeds_in_every_format_and_the_opml()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), category: "Berita Terkini"),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10), category: "Sosialisasi"));
        var written = await ExportAsync();
        string[] stems =
        [
            "/feeds/all", "/feeds/kab-blora", "/feeds/kota-semarang", "/feeds/region/jawa-tengah",
            "/feeds/category/Berita%20Terkini", "/feeds/category/Sosialisasi",
        ];
        Assert.Equal(stems.SelectMany(s => new[] { s + ".atom", s + ".rss", s + ".json" }).Append("/opml"), written);
        Assert.All(written, path => Assert.True(File.Exists(StaticExport.FileOf(Folder, path)), path));
    }

    [Fact]
    public async Task A_category_file_is_named_with_the_decoded_category_as_a_web_server_maps_it()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), category: "Berita Terkini"));
        await ExportAsync();
        Assert.True(File.Exists(Path.Combine(Folder, "feeds", "category", "Berita Terkini.rss")));
    }

    [Fact]
    public async Task A_category_that_differs_only_in_case_gets_one_file()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), category: "Berita"),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10), category: "BERITA"));
        var written = await ExportAsync();
        Assert.Single(written, p => p.StartsWith("/feeds/category/", StringComparison.OrdinalIgnoreCase) && p.EndsWith(".atom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_category_with_a_slash_has_no_served_path_and_gets_no_file()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), category: "Berita/Opini"));
        var written = await ExportAsync();
        Assert.DoesNotContain(written, p => p.StartsWith("/feeds/category/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_hold_the_bytes_the_renderer_gives_for_the_same_feed()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        await ExportAsync();
        var rendered = await _renderer.RenderAsync(new FeedQuery(FeedScope.Source("kab-blora"), FeedFormat.Json), _sources, Samples.Urls, CancellationToken.None);
        Assert.Equal(rendered.Body, await File.ReadAllBytesAsync(Path.Combine(Folder, "feeds", "kab-blora.json")));
    }

    [Fact]
    public async Task A_second_export_replaces_the_files_and_leaves_no_temporary_ones()
    {
        await ExportAsync();
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        await ExportAsync();
        Assert.Contains("kab-blora:1", await File.ReadAllTextAsync(Path.Combine(Folder, "feeds", "all.atom")));
        Assert.Empty(Directory.EnumerateFiles(Folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_created_is_named_in_the_error()
    {
        await File.WriteAllTextAsync(Path.Combine(_db.Directory, "blocker"), "not a folder");
        var export = new StaticExport(_renderer, _db.Items);
        var error = await Assert.ThrowsAsync<IOException>(() =>
            export.WriteAsync(Path.Combine(_db.Directory, "blocker"), _sources, Samples.Urls, CancellationToken.None));
        Assert.Contains(Path.Combine(_db.Directory, "blocker", "feeds", "all.atom"), error.Message);
    }

    [Fact]
    public async Task Writes_each_past_month_archive_of_each_feed_after_its_live_files()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 10, 20, 9, 0, 0, TestItems.Wib)),
            TestItems.Write("kab-blora", 2, new DateTimeOffset(2025, 11, 20, 9, 0, 0, TestItems.Wib)),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 9)));
        var written = await ExportAsync();
        string[] blora = ["/feeds/kab-blora", "/feeds/archive/2025-11/kab-blora", "/feeds/archive/2025-10/kab-blora"];
        Assert.Equal(blora.SelectMany(s => new[] { s + ".atom", s + ".rss", s + ".json" }),
            written.Where(p => p.EndsWith("/kab-blora.atom") || p.EndsWith("/kab-blora.rss") || p.EndsWith("/kab-blora.json")));
        Assert.Contains("/feeds/archive/2025-11/category/Berita.json", written);
        Assert.DoesNotContain(written, p => p.Contains("2025-12") || p.Contains("/archive/") && p.Contains("kota-semarang"));
        Assert.True(File.Exists(Path.Combine(Folder, "feeds", "archive", "2025-11", "region", "jawa-tengah.rss")));
    }

    [Fact]
    public async Task Archive_files_hold_the_bytes_the_renderer_gives_for_the_same_archive()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 11, 20, 9, 0, 0, TestItems.Wib)),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 9)));
        await ExportAsync();
        var archive = new FeedQuery(FeedScope.All, FeedFormat.Atom) { Archive = Samples.Month("2025-11") };
        var rendered = await _renderer.RenderAsync(archive, _sources, Samples.Urls, CancellationToken.None);
        Assert.Equal(rendered.Body, await File.ReadAllBytesAsync(Path.Combine(Folder, "feeds", "archive", "2025-11", "all.atom")));
    }
}
