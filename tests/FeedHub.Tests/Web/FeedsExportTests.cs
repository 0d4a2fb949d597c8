using System.Text;
using System.Text.RegularExpressions;
using FeedHub.Host.Cli;
using FeedHub.Normalisation;
using FeedHub.Publishing;

namespace FeedHub.Tests.Web;

/// <summary>`feedhub export` run in-process against the crawled store the server reads.</summary>
[Collection(FeedsServerCollection.Name)]
public sealed partial class FeedsExportTests(FeedsServer server) : IDisposable
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

    /// <summary>The live feed's <c>next</c> link in each format (Atom link, RSS atom:link, JSON Feed next_url).</summary>
    [GeneratedRegex("""<(atom:)?link rel="next"[^>]*/>|"next_url":"[^"]*",""")]
    private static partial Regex NextLink();

    [Fact]
    public async Task The_export_folder_holds_the_bytes_the_server_sends_for_the_same_paths_less_the_live_next_link()
    {
        Assert.Equal(ExitCodes.Ok, await ExportAsync(server.BaseAddress.AbsoluteUri));
        var files = Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories)
            .Where(f => PathOf(f) != StaticIndexPage.Path).ToList();
        Assert.NotEmpty(files);
        var pagedFeeds = 0;
        foreach (var file in files)
        {
            var served = Encoding.UTF8.GetString(await server.GetBytesAsync(PathOf(file).TrimStart('/')));
            var exported = await File.ReadAllTextAsync(file);
            pagedFeeds += NextLink().IsMatch(served) ? 1 : 0;
            Assert.DoesNotMatch(NextLink(), exported);
            Assert.True(NextLink().Replace(served, "") == exported, $"{PathOf(file)} differs from the served document");
        }
        Assert.True(pagedFeeds > 0, "the farm store should fill more than one page of the combined feed");
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
        }).Append(FeedPath.Opml).Append(StaticIndexPage.Path).ToHashSet();
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
