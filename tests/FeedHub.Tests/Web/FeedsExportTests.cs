using FeedHub.Host.Cli;
using FeedHub.Normalisation;
using FeedHub.Publishing;

namespace FeedHub.Tests.Web;

/// <summary>`feedhub export` run in-process against the crawled store the server reads.</summary>
[Collection(FeedsServerCollection.Name)]
public sealed class FeedsExportTests(FeedsServer server) : IDisposable
{
    private readonly string _out = Path.Combine(server.Folder, "export-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
            Directory.Delete(_out, recursive: true);
    }

    private Task<int> ExportAsync(string baseUrl) =>
        CommandLine.Build().Parse(
            ["export", "--config", server.ConfigPath, "--db", server.DatabasePath, "--out", _out, "--base-url", baseUrl]).InvokeAsync();

    /// <summary>The served path of an exported file: its segments percent-encoded again.</summary>
    private string PathOf(string file) =>
        "/" + string.Join('/', Path.GetRelativePath(_out, file).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));

    /// <summary>
    /// A source's archives have neither a <c>next</c> page nor a dashboard link, the two things a static folder
    /// cannot serve: there the export is the server's bytes exactly.
    /// </summary>
    [Fact]
    public async Task A_source_archive_holds_the_bytes_the_server_sends_for_the_same_path()
    {
        Assert.Equal(ExitCodes.Ok, await ExportAsync(server.BaseAddress.AbsoluteUri));
        var files = Directory.EnumerateFiles(Path.Combine(_out, "feeds", "archive"), "kab-*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var served = await server.GetBytesAsync(PathOf(file).TrimStart('/'));
            var exported = await File.ReadAllBytesAsync(file);
            Assert.True(served.AsSpan().SequenceEqual(exported), $"{PathOf(file)} differs from the served bytes");
        }
    }

    [Fact]
    public async Task No_exported_file_links_a_page_query_or_the_dashboard_the_folder_does_not_hold()
    {
        var baseUrl = server.BaseAddress.AbsoluteUri;
        Assert.Equal(ExitCodes.Ok, await ExportAsync(baseUrl));
        var served = System.Text.Encoding.UTF8.GetString(await server.GetBytesAsync("feeds/all.atom"));
        Assert.Contains("?before=", served);

        foreach (var file in Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("before=", text);
            Assert.DoesNotContain($"href=\"{baseUrl}\"", text);
            Assert.DoesNotContain($"<link>{baseUrl}</link>", text);
            Assert.DoesNotContain($"\"home_page_url\":\"{baseUrl}\"", text);
        }
    }

    [Fact]
    public async Task The_export_has_every_feed_and_archive_the_configuration_and_the_store_define()
    {
        Assert.Equal(ExitCodes.Ok, await ExportAsync(server.BaseAddress.AbsoluteUri));
        var paths = Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories).Select(PathOf).ToHashSet();
        var regionOf = server.Sources.ToDictionary(s => s.Id, s => s.Region);
        var scopes = new (FeedScope Scope, Func<Item, bool> Holds)[] { (FeedScope.All, _ => true) }
            .Concat(server.Sources.Select(s => (Scope: FeedScope.Source(s.Id), Holds: (Func<Item, bool>)(i => i.SourceId == s.Id))))
            .Concat(regionOf.Values.Distinct().Select(r => (Scope: FeedScope.Region(r), Holds: (Func<Item, bool>)(i => regionOf[i.SourceId] == r))))
            .Concat(server.Items.Select(i => i.Category).OfType<string>().Distinct()
                .Select(c => (Scope: FeedScope.Category(c), Holds: (Func<Item, bool>)(i => i.Category == c))));
        var current = ArchiveMonth.Of(FeedsServer.Now);
        var expected = scopes.SelectMany(s =>
        {
            var months = server.Items.Where(s.Holds).Select(i => ArchiveMonth.Of(i.Published)).Where(m => m < current).Distinct();
            return Enum.GetValues<FeedFormat>().SelectMany(f => months.Select(m => FeedPath.For(s.Scope, f, m)).Prepend(FeedPath.For(s.Scope, f)));
        }).Append(FeedPath.Opml).ToHashSet();
        Assert.Contains(paths, p => p.StartsWith("/feeds/archive/", StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_invalid_base_url_exits_with_code_2_and_writes_nothing()
    {
        Assert.Equal(ExitCodes.BadConfig, await ExportAsync("ftp://feeds.example.org/"));
        Assert.False(Directory.Exists(_out));
    }
}
