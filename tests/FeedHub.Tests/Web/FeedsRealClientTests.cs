using System.Diagnostics;
using System.Text.Json;
using FeedHub.Normalisation;
using FeedHub.Publishing;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Web;

/// <summary>
/// Debian's newsboat and python3-feedparser read the served feeds over loopback. CI installs both
/// (.ci/run); a missing one fails the test with the package to install.
/// </summary>
[Collection(FeedsServerCollection.Name)]
public sealed class FeedsRealClientTests(FeedsServer server) : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _work = Path.Combine(server.Folder, "client-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_work))
            Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Newsboat_imports_the_OPML_and_reads_every_item_of_the_atom_feeds()
    {
        Directory.CreateDirectory(_work);
        var opml = Path.Combine(_work, "feedhub.opml");
        await File.WriteAllBytesAsync(opml, await server.GetBytesAsync("opml"));
        await RunNewsboatAsync("-i", opml);
        var urls = await File.ReadAllLinesAsync(Path.Combine(_work, "urls"));
        Assert.Equal(server.Sources.Count + 1, urls.Length);
        await AssertNewsboatReadsEveryItemAsync();
    }

    [Fact]
    public async Task Newsboat_reads_every_item_of_the_RSS_feeds()
    {
        Directory.CreateDirectory(_work);
        var urls = server.Sources.Select(s => FeedPath.For(FeedScope.Source(s.Id), FeedFormat.Rss)).Prepend(FeedPath.For(FeedScope.All, FeedFormat.Rss))
            .Select(p => new Uri(server.BaseAddress, p.TrimStart('/')).AbsoluteUri);
        await File.WriteAllLinesAsync(Path.Combine(_work, "urls"), urls);
        await AssertNewsboatReadsEveryItemAsync();
    }

    [Theory]
    [InlineData(FeedFormat.Atom, "atom10")]
    [InlineData(FeedFormat.Rss, "rss20")]
    public async Task Feedparser_reads_every_feed_well_formed_with_the_right_titles_links_and_dates(FeedFormat format, string version)
    {
        var scopes = new[] { FeedScope.All }
            .Concat(server.Sources.Select(s => FeedScope.Source(s.Id)))
            .Concat(server.Sources.Select(s => s.Region).Distinct().Select(FeedScope.Region))
            .Concat(server.Items.Select(i => i.Category).OfType<string>().Distinct().Select(FeedScope.Category));
        var urls = scopes.Select(s => new Uri(server.BaseAddress, FeedPath.For(s, format).TrimStart('/') + "?limit=" + FeedQuery.MaxLimit).AbsoluteUri).ToList();
        var script = """
            import calendar, feedparser, json, sys
            out = []
            for url in sys.argv[1:]:
                d = feedparser.parse(url)
                out.append({"url": url, "status": d.get("status"), "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")),
                            "version": d.version, "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
                            "published": calendar.timegm(e.published_parsed) if e.get("published_parsed") else None} for e in d.entries]})
            print(json.dumps(out))
            """;
        var output = await RunAsync(Python, "python3-feedparser", ["-c", script, .. urls], environment: null);
        using var json = JsonDocument.Parse(output);
        var byId = server.Items.ToDictionary(i => TagUri.ForItem(i.Id));
        var seen = new HashSet<string>();
        foreach (var feed in json.RootElement.EnumerateArray())
        {
            var url = feed.GetProperty("url").GetString();
            Assert.True(feed.GetProperty("status").GetInt32() == 200, $"{url}: status {feed.GetProperty("status")}");
            Assert.False(feed.GetProperty("bozo").GetBoolean(), $"{url}: {feed.GetProperty("error").GetString()}");
            Assert.Equal(version, feed.GetProperty("version").GetString());
            foreach (var entry in feed.GetProperty("entries").EnumerateArray())
            {
                var item = byId[entry.GetProperty("id").GetString()!];
                Assert.Equal(item.Title, entry.GetProperty("title").GetString());
                Assert.Equal(item.Link, entry.GetProperty("link").GetString());
                Assert.Equal(item.Published.ToUnixTimeSeconds(), entry.GetProperty("published").GetInt64());
                seen.Add(item.Id);
            }
        }
        Assert.Equal(server.Items.Select(i => i.Id).Order(), seen.Order());
    }

    [Theory]
    [InlineData(FeedFormat.Atom, "atom10")]
    [InlineData(FeedFormat.Rss, "rss20")]
    public async Task Feedparser_reads_an_archive_document_with_its_items_and_archive_links(FeedFormat format, string version)
    {
        var live = FeedsReader.Read(format, await server.GetBytesAsync(FeedPath.For(FeedScope.All, format).TrimStart('/')));
        var archive = live.PrevArchive!.AbsoluteUri;
        var script = """
            import feedparser, json, sys
            d = feedparser.parse(sys.argv[1])
            print(json.dumps({"status": d.get("status"), "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")),
                              "version": d.version, "ids": [e.get("id") for e in d.entries],
                              "links": {l.get("rel"): l.get("href") for l in d.feed.get("links", [])}}))
            """;
        using var json = JsonDocument.Parse(await RunAsync(Python, "python3-feedparser", ["-c", script, archive], environment: null));
        var root = json.RootElement;
        Assert.Equal(200, root.GetProperty("status").GetInt32());
        Assert.False(root.GetProperty("bozo").GetBoolean(), root.GetProperty("error").GetString());
        Assert.Equal(version, root.GetProperty("version").GetString());
        Assert.True(FeedPath.TryParse(live.PrevArchive.AbsolutePath, out _, out _, out var month));
        var expected = server.Items.Where(i => ArchiveMonth.Of(i.Published) == month!.Value).Select(i => TagUri.ForItem(i.Id));
        Assert.Equal(expected, root.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        var links = root.GetProperty("links");
        Assert.Equal(new Uri(server.BaseAddress, FeedPath.For(FeedScope.All, format).TrimStart('/')).AbsoluteUri, links.GetProperty("current").GetString());
        Assert.Equal(archive, links.GetProperty("self").GetString());
        Assert.True(links.TryGetProperty("prev-archive", out _), $"feedparser saw no prev-archive link in {archive}");
    }

    /// <summary>Reloads the feeds in <c>urls</c> headless, then checks its cache: every feed parsed, every item right.</summary>
    private async Task AssertNewsboatReadsEveryItemAsync()
    {
        await RunNewsboatAsync("-x", "reload");
        using var cache = new SqliteConnection($"Data Source={Path.Combine(_work, "cache.db")};Mode=ReadOnly;Pooling=False");
        cache.Open();
        var urls = (await File.ReadAllLinesAsync(Path.Combine(_work, "urls"))).Select(l => l.Split(' ')[0]).ToList();
        var titled = Rows(cache, "SELECT rssurl, title FROM rss_feed", r => (Url: r.GetString(0), Title: r.GetString(1)))
            .Where(f => f.Title.Length > 0).Select(f => f.Url).ToHashSet();
        Assert.All(urls, url => Assert.True(titled.Contains(url), $"newsboat did not read {url}"));

        var read = Rows(cache, "SELECT guid, title, url, pubDate FROM rss_item",
            r => (Guid: r.GetString(0), Title: r.GetString(1), Url: r.GetString(2), Published: r.GetInt64(3)));
        var expected = server.Items.ToDictionary(i => TagUri.ForItem(i.Id));
        Assert.Equal(expected.Keys.Order(), read.Select(r => r.Guid).Order());
        foreach (var row in read)
        {
            var item = expected[row.Guid];
            Assert.Equal((item.Title, item.Link, item.Published.ToUnixTimeSeconds()), (row.Title, row.Url, row.Published));
        }
    }

    private async Task RunNewsboatAsync(params string[] arguments)
    {
        var home = Path.Combine(_work, "home");
        Directory.CreateDirectory(home);
        var config = Path.Combine(_work, "config");
        if (!File.Exists(config))
            await File.WriteAllTextAsync(config, "");
        var urls = Path.Combine(_work, "urls");
        if (!File.Exists(urls))
            await File.WriteAllTextAsync(urls, "");
        await RunAsync("newsboat", "newsboat",
            ["-C", config, "-u", urls, "-c", Path.Combine(_work, "cache.db"), .. arguments],
            new Dictionary<string, string> { ["HOME"] = home, ["TERM"] = "dumb" });
    }

    private static IReadOnlyList<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>Runs a Debian tool to its end and returns its stdout; fails when it is missing or exits non-zero.</summary>
    private static async Task<string> RunAsync(string program, string package, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{program} is not installed ({e.Message}); install the Debian package: apt-get install {package}");
            throw;
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var error = await stderr;
            if (error.Contains("No module named 'feedparser'", StringComparison.Ordinal))
                Assert.Fail($"feedparser is missing; install the Debian package: apt-get install {package}");
            Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {error}");
            return await stdout;
        }
    }
}
