using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FeedHub.Fixtures;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace FeedHub.Tests.Host;

/// <summary>
/// Two `feedhub run` processes sharing one PostgreSQL database against the fixture farm, as two nodes of a
/// deployment (docs/scale-out.md): between them every source is crawled once, politely, and a node killed
/// mid-crawl loses nothing. Waits are generous deadlines on conditions, never timing claims.
/// </summary>
public sealed class ClusterProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "feedhub-cluster-run-" + Guid.NewGuid().ToString("N"));
    private readonly string database = PostgresServer.Shared.CreateDatabase();
    private readonly List<Node> nodes = [];
    private FixtureFarm farm = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        farm = await FixtureFarm.StartAsync(new FarmOptions
        {
            SiteCount = 4, ArticlesPerSite = 8, Categories = [104, 105], Now = TimeProvider.System.GetUtcNow(),
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes.Where(n => !n.Process.HasExited)) node.Process.Kill(entireProcessTree: true);
        foreach (var node in nodes) node.Process.Dispose();
        await farm.DisposeAsync();
        SqliteConnection.ClearAllPools();
        PostgresServer.Shared.DropDatabase(database);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Two_nodes_crawl_every_source_once_without_duplicates_and_never_two_requests_at_once_to_a_host()
    {
        // Each site is two sources (one per category) on one host, so the two nodes may well crawl one host at once.
        var sources = await WriteFeedsAsync(splitCategories: true);
        var a = Start("a");
        var b = Start("b");

        await WaitForAsync(async () => await CrawledAsync() == sources.Count, "every source crawled", a, b);

        Assert.Equal(sources.Sum(s => s.Articles), await ScalarAsync<long>("SELECT count(*) FROM items;"));
        Assert.Equal(0L, await ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT source_id, slug FROM items GROUP BY source_id, slug HAVING count(*) > 1) AS twice;"));
        foreach (var source in sources)
            Assert.Equal(source.Articles, await ScalarAsync<long>($"SELECT count(*) FROM items WHERE source_id = '{source.Id}';"));
        Assert.Equal(1, farm.Log.MaxConcurrencyPerHost());
        Assert.True(a.Crawled.Count > 0 || b.Crawled.Count > 0);
    }

    [Fact]
    public async Task A_node_killed_mid_crawl_has_its_crawl_finished_by_the_other_and_nothing_is_lost()
    {
        var sources = await WriteFeedsAsync(splitCategories: false);
        var stuck = farm.Sites[0];
        stuck.Mode = SiteMode.Hang;
        var doomed = Start("doomed");
        await WaitForAsync(() => Task.FromResult(farm.Log.For(stuck.Id).Any(r => r.End is null && r.PathAndQuery != "/robots.txt")),
            "the first node is stuck in a crawl", doomed);
        var survivor = Start("survivor");
        await WaitForAsync(() => Task.FromResult(survivor.Started), "the second node is up", doomed, survivor);

        var killed = TimeProvider.System.GetUtcNow();
        doomed.Process.Kill(); // SIGKILL: no shutdown, no hand-over; the cluster has to notice
        stuck.Mode = SiteMode.Normal;

        await WaitForAsync(async () => await CrawledAsync() == sources.Count && survivor.Crawled.Contains(stuck.Id),
            "the survivor crawled the dead node's source", survivor);
        foreach (var source in sources)
            Assert.Equal(source.Articles, await ScalarAsync<long>($"SELECT count(*) FROM items WHERE source_id = '{source.Id}';"));
        Assert.Equal(1, farm.Log.MaxConcurrencyPerHost());
        var resumed = farm.Log.For(stuck.Id).First(r => r.StartedAt > killed).StartedAt;
        output.WriteLine($"the survivor resumed the dead node's crawl {(resumed - killed).TotalSeconds:F1} s after the kill (check-in interval 2 s)");
    }

    private sealed record ExpectedSource(string Id, long Articles);

    /// <summary>feeds.json for the farm (interval one hour: each source runs once in a test); returns each source with the articles it should store.</summary>
    private async Task<IReadOnlyList<ExpectedSource>> WriteFeedsAsync(bool splitCategories)
    {
        var feeds = JsonNode.Parse(farm.FeedsJson(TimeSpan.FromHours(1)))!;
        var expected = new List<ExpectedSource>();
        var split = new JsonArray();
        foreach (var site in farm.Sites)
        {
            var source = feeds["sources"]!.AsArray().Single(s => (string?)s!["id"] == site.Id)!;
            if (!splitCategories)
            {
                expected.Add(new ExpectedSource(site.Id, site.Articles.Count));
                continue;
            }
            foreach (var category in site.Categories)
            {
                var one = source.DeepClone();
                one["id"] = $"{site.Id}-{category}";
                one["categories"] = new JsonArray(category);
                split.Add(one);
                expected.Add(new ExpectedSource($"{site.Id}-{category}", site.Articles.Count(a => a.CategoryId == category)));
            }
        }
        if (splitCategories) feeds["sources"] = split;
        await File.WriteAllTextAsync(Path.Combine(directory, "feeds.json"), feeds.ToJsonString());
        return expected;
    }

    /// <summary>One node: `feedhub run` on the shared database, its own port, its output kept.</summary>
    private Node Start(string name)
    {
        var info = FeedhubProcess.StartInfo(directory, "run", "--config", "feeds.json", "--db", $"data-{name}/feedhub.db",
            "--urls", $"http://127.0.0.1:{FreePort()}");
        info.Environment["FEEDHUB__Storage__Provider"] = "postgres";
        info.Environment["FEEDHUB__Storage__ConnectionString"] = database;
        info.Environment["FEEDHUB__Schedule__ClusterCheckinInterval"] = "00:00:02";
        info.Environment["FEEDHUB__Schedule__StartWindow"] = "00:00:02";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var node = new Node(name, new Process { StartInfo = info });
        node.Process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node.Process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node.Process.Start();
        node.Process.BeginOutputReadLine();
        node.Process.BeginErrorReadLine();
        nodes.Add(node);
        return node;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, string what, params Node[] watched)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            var exited = watched.FirstOrDefault(n => n.Process.HasExited);
            if (exited is not null || watch.Elapsed > Deadline)
                throw new Xunit.Sdk.XunitException(
                    $"{what}: {(exited is null ? $"not within {Deadline.TotalSeconds} s" : $"node {exited.Name} exited")}\n" +
                    string.Join("\n", nodes.Select(n => $"--- node {n.Name}:\n{n.Output}")));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Sources with a successful crawl; 0 while the schema is not there yet.</summary>
    private async Task<long> CrawledAsync()
    {
        try
        {
            return await ScalarAsync<long>("SELECT count(*) FROM sources_state WHERE last_success IS NOT NULL;");
        }
        catch (PostgresException)
        {
            return 0;
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>A running node and what it logged: which sources it crawled, whether it has started.</summary>
    private sealed class Node(string name, Process process)
    {
        private readonly StringBuilder output = new();

        public string Name => name;
        public Process Process => process;

        public string Output
        {
            get { lock (output) return output.ToString(); }
        }

        public bool Started => Output.Contains("FeedHub started", StringComparison.Ordinal);

        /// <summary>Source ids this node logged a successful crawl of ("{source} Ok: …").</summary>
        public IReadOnlySet<string> Crawled => Output.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"\binfo: FeedHub\.Crawling\.ScheduledCrawl\[\d+\]\s+(?<id>\S+) Ok:"))
            .Where(m => m.Success).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);

        public void Append(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }
    }
}
