using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FeedHub.Fixtures;
using FeedHub.Tests.Storage;
using Npgsql;

namespace FeedHub.Tests.Host;

/// <summary>The commands with <c>Storage:Provider = postgres</c>: the fixture farm crawled into a PostgreSQL database and read back.</summary>
public sealed class PostgresCliTests : IAsyncLifetime
{
    private FixtureFarm _farm = null!;
    private string _dir = null!;
    private string _connectionString = null!;
    private string Config => Path.Combine(_dir, "feeds.json");

    public async Task InitializeAsync()
    {
        _farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 3, ArticlesPerSite = 6, Now = DateTimeOffset.UtcNow });
        _dir = Directory.CreateTempSubdirectory("feedhub-pgcli-").FullName;
        await File.WriteAllTextAsync(Config, _farm.FeedsJson(TimeSpan.FromMinutes(1)));
        _connectionString = PostgresServer.Shared.CreateDatabase();
    }

    public async Task DisposeAsync()
    {
        await _farm.DisposeAsync();
        PostgresServer.Shared.DropDatabase(_connectionString);
        Directory.Delete(_dir, recursive: true);
    }

    private ProcessStartInfo OnPostgres(params string[] args)
    {
        var info = FeedhubProcess.StartInfo(_dir, args);
        info.Environment["FEEDHUB__Storage__Provider"] = "postgres";
        info.Environment["FEEDHUB__Storage__ConnectionString"] = _connectionString;
        return info;
    }

    private Task<FeedhubProcess.Result> Feedhub(params string[] args) => FeedhubProcess.RunAsync(OnPostgres(args));

    [Fact]
    public async Task Crawl_stores_in_postgres_and_items_status_export_and_prune_read_it_back()
    {
        var crawl = await Feedhub("crawl", "--config", Config, "--pages", "5");

        Assert.True(crawl.ExitCode == 0, crawl.Stdout + crawl.Stderr);
        foreach (var site in _farm.Sites)
            Assert.Contains($"{site.Id}: ok — {site.Articles.Count} new, 0 updated, 0 unchanged", crawl.Stdout);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")), "no SQLite file is created on postgres");
        Assert.Equal(_farm.Sites.Sum(s => s.Articles.Count), Scalar<long>("SELECT count(*) FROM items;"));

        var site0 = _farm.Sites[0];
        var items = await Feedhub("items", "--json", "--source", site0.Id);
        Assert.True(items.ExitCode == 0, items.Stderr);
        using (var json = JsonDocument.Parse(items.Stdout))
            Assert.Equal(site0.Articles.Select(a => a.Title).Order(StringComparer.Ordinal),
                json.RootElement.EnumerateArray().Select(i => i.GetProperty("title").GetString()).Order(StringComparer.Ordinal));

        var status = await Feedhub("status", "--config", Config, "--json");
        Assert.True(status.ExitCode == 0, status.Stderr);
        using (var json = JsonDocument.Parse(status.Stdout))
            Assert.All(json.RootElement.EnumerateArray(), s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("lastSuccess").ValueKind));

        var export = await Feedhub("export", "--config", Config, "--out", Path.Combine(_dir, "site"));
        Assert.True(export.ExitCode == 0, export.Stderr);
        var atom = await File.ReadAllTextAsync(Path.Combine(_dir, "site", "feeds", "all.atom"));
        Assert.Contains(WebUtility.HtmlEncode(site0.Articles[0].Title), atom);

        var prune = await Feedhub("prune", "--older-than", "36500d");
        Assert.True(prune.ExitCode == 0, prune.Stderr);
        Assert.Equal(_farm.Sites.Sum(s => s.Articles.Count), Scalar<long>("SELECT count(*) FROM items;"));
    }

    [Fact]
    public async Task Run_crawls_into_postgres_and_serves_the_feeds_from_it()
    {
        var port = FreePort();
        var info = OnPostgres("run", "--config", Config, "--urls", $"http://127.0.0.1:{port}");
        info.Environment["FEEDHUB__Schedule__StartWindow"] = "00:00:02";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var output = new StringBuilder();
        using var worker = new Process { StartInfo = info };
        worker.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        worker.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        worker.Start();
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        try
        {
            var expected = _farm.Sites.Sum(s => s.Articles.Count);
            var watch = Stopwatch.StartNew();
            while (TryCountItems() < expected)
            {
                if (worker.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
                    throw new Xunit.Sdk.XunitException($"feedhub run did not store every item; its output:\n{output}");
                await Task.Delay(250);
            }
            using var client = new HttpClient();
            var feed = await client.GetStringAsync($"http://127.0.0.1:{port}/feeds/all.atom");
            var health = await client.GetAsync($"http://127.0.0.1:{port}/healthz");

            foreach (var site in _farm.Sites)
                Assert.Contains(WebUtility.HtmlEncode(site.Articles[0].Title), feed);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            if (!worker.HasExited)
            {
                using (var kill = Process.Start("kill", $"-TERM {worker.Id}")) await kill.WaitForExitAsync();
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try { await worker.WaitForExitAsync(deadline.Token); }
                catch (OperationCanceledException) { worker.Kill(entireProcessTree: true); }
            }
        }
        Assert.True(worker.ExitCode == 0, $"exit code {worker.ExitCode}; output:\n{output}");
        Assert.Contains("PostgreSQL 127.0.0.1:", output.ToString());
    }

    [Fact]
    public async Task Backup_on_postgres_points_to_pg_dump_and_exits_1()
    {
        var result = await Feedhub("backup", "--out", Path.Combine(_dir, "copy.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pg_dump", result.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "copy.db")));
    }

    [Fact]
    public async Task Check_names_a_missing_connection_string_and_exits_2()
    {
        var info = FeedhubProcess.StartInfo(_dir, "check", "--config", Config);
        info.Environment["FEEDHUB__Storage__Provider"] = "postgres";

        var result = await FeedhubProcess.RunAsync(info);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Storage:ConnectionString", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Run_names_an_unparsable_connection_string_without_echoing_its_password_and_exits_2()
    {
        var info = FeedhubProcess.StartInfo(_dir, "run", "--config", Config, "--urls", "http://127.0.0.1:0");
        info.Environment["FEEDHUB__Storage__Provider"] = "postgres";
        info.Environment["FEEDHUB__Storage__ConnectionString"] = "Host=db.example;Port=notaport;Password=Rahasia-Sekali";

        var result = await FeedhubProcess.RunAsync(info);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Storage:ConnectionString", result.Stderr);
        Assert.DoesNotContain("Rahasia-Sekali", result.Stdout + result.Stderr);
    }

    private long TryCountItems()
    {
        try
        {
            return Scalar<long>("SELECT count(*) FROM items;");
        }
        catch (PostgresException)
        {
            return 0; // not migrated yet
        }
    }

    private T Scalar<T>(string sql)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
