using System.Text.Json;
using FeedHub.Fixtures;

namespace FeedHub.Tests.Host;

/// <summary>The command-line contract: commands, flags, output lines, JSON fields and exit codes.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private FixtureFarm _farm = null!;
    private string _dir = null!;
    private string Config => Path.Combine(_dir, "feeds.json");
    private string Db => Path.Combine(_dir, "data", "feedhub.db");

    public async Task InitializeAsync()
    {
        _farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 3, ArticlesPerSite = 6, Now = DateTimeOffset.UtcNow });
        _dir = Directory.CreateTempSubdirectory("feedhub-cli-").FullName;
        await File.WriteAllTextAsync(Config, _farm.FeedsJson());
    }

    public async Task DisposeAsync()
    {
        await _farm.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<FeedhubProcess.Result> Feedhub(params string[] args) => FeedhubProcess.RunAsync(_dir, args);

    [Fact]
    public async Task Check_accepts_the_shipped_configuration()
    {
        var result = await Feedhub("check", "--config", Path.Combine(RepoRoot.Path, "feeds.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("36 sources", result.Stdout);
    }

    [Fact]
    public async Task Check_lists_every_error_with_its_json_path_and_exits_2()
    {
        await File.WriteAllTextAsync(Config, """
            { "profiles": {}, "sources": [ { "id": "Bad Id", "name": "x", "region": "r", "url": "nope", "profile": "kpu" } ] }
            """);

        var result = await Feedhub("check", "--config", Config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.sources[0].id", result.Stderr);
        Assert.Contains("$.sources[0].url", result.Stderr);
        Assert.Contains("$.sources[0].profile", result.Stderr);
    }

    [Fact]
    public async Task Check_names_an_invalid_setting_from_the_environment_and_exits_2()
    {
        var info = FeedhubProcess.StartInfo(_dir, "check", "--config", Config);
        info.Environment["FEEDHUB__Fetch__MaxParallelHosts"] = "0";
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Fetch:MaxParallelHosts", stderr);
    }

    [Fact]
    public async Task Check_reports_every_invalid_setting_run_reads_and_the_feeds_file_together()
    {
        await File.WriteAllTextAsync(Config, """
            { "profiles": {}, "sources": [ { "id": "Bad Id", "name": "x", "region": "r", "url": "https://kab-x.kpu.go.id/", "profile": "kpu" } ] }
            """);
        var info = FeedhubProcess.StartInfo(_dir, "check", "--config", Config);
        info.Environment["FEEDHUB__Fetch__MinHostGap"] = "abc";
        info.Environment["FEEDHUB__Retention__MaxAge"] = "forever";
        info.Environment["FEEDHUB__Monitor__QuietMultiplier"] = "0";
        info.Environment["FEEDHUB__Web__PublicBaseUrl"] = "feeds.example.org";
        info.Environment["FEEDHUB__Schedule__StartWindow"] = "soon";
        info.Environment["FEEDHUB__Web__KnownProxies__0"] = "proxy.local";
        info.Environment["FEEDHUB__Web__AllowedNetworks__0"] = "192.168.10.0/99";
        info.Environment["FEEDHUB__Web__MaxConcurrentSearches"] = "0";
        info.Environment["FEEDHUB__Web__RenderCacheBytes"] = "-1";
        info.Environment["FEEDHUB__Crawl__MaxEntriesPerListPage"] = "0";
        info.Environment["FEEDHUB__Crawl__MaxArticlesPerRun"] = "-5";

        var result = await FeedhubProcess.RunAsync(info);

        Assert.Equal(2, result.ExitCode);
        foreach (var named in new[]
                 {
                     "Crawl:MaxEntriesPerListPage", "Crawl:MaxArticlesPerRun", "Fetch:MinHostGap", "Retention:MaxAge", "Monitor:QuietMultiplier", "Web:PublicBaseUrl", "Schedule:StartWindow",
                     "Web:KnownProxies:0", "Web:AllowedNetworks:0", "Web:MaxConcurrentSearches", "Web:RenderCacheBytes", "$.sources[0].id",
                 })
            Assert.Contains(named, result.Stderr);
    }

    [Fact]
    public async Task Run_refuses_every_invalid_setting_at_once_before_starting()
    {
        var info = FeedhubProcess.StartInfo(_dir, "run", "--config", Config, "--db", Db, "--urls", "http://127.0.0.1:0");
        info.Environment["FEEDHUB__Retention__MaxAge"] = "forever";
        info.Environment["FEEDHUB__Monitor__QuietMultiplier"] = "0";

        var result = await FeedhubProcess.RunAsync(info);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Retention:MaxAge", result.Stderr);
        Assert.Contains("Monitor:QuietMultiplier", result.Stderr);
    }

    [Fact]
    public async Task Crawl_prints_a_line_per_source_and_exits_0_when_all_succeed()
    {
        var result = await Feedhub("crawl", "--config", Config, "--db", Db, "--pages", "5");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        foreach (var site in _farm.Sites)
            Assert.Contains($"{site.Id}: ok — {site.Articles.Count} new, 0 updated, 0 unchanged", result.Stdout);
    }

    [Fact]
    public async Task Crawl_exits_1_and_names_the_reason_when_a_source_fails()
    {
        _farm.Sites[1].Mode = SiteMode.ServerError;

        var result = await Feedhub("crawl", "--config", Config, "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{_farm.Sites[1].Id}: failed: ", result.Stdout);
        Assert.Contains("500", result.Stdout);
        Assert.Contains($"{_farm.Sites[0].Id}: ok", result.Stdout);
    }

    [Fact]
    public async Task Crawl_of_an_unknown_source_exits_2()
    {
        var result = await Feedhub("crawl", "--config", Config, "--db", Db, "--source", "kab-atlantis");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("kab-atlantis", result.Stderr);
    }

    [Fact]
    public async Task Crawl_of_one_source_touches_only_that_site()
    {
        var result = await Feedhub("crawl", "--config", Config, "--db", Db, "--source", _farm.Sites[2].Id);

        Assert.Equal(0, result.ExitCode);
        Assert.All(_farm.Log.All, r => Assert.Equal(_farm.Sites[2].Id, r.SiteId));
    }

    [Fact]
    public async Task Items_json_gives_id_source_link_title_dates_and_date_source()
    {
        await Feedhub("crawl", "--config", Config, "--db", Db, "--pages", "5");

        var result = await Feedhub("items", "--db", Db, "--json", "--source", _farm.Sites[0].Id);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(_farm.Sites[0].Articles.Count, items.Count);
        foreach (var item in items)
        {
            Assert.StartsWith(_farm.Sites[0].Id + ":", item.GetProperty("id").GetString());
            Assert.Equal(_farm.Sites[0].Id, item.GetProperty("source").GetString());
            Assert.StartsWith(_farm.Sites[0].BaseUri.AbsoluteUri, item.GetProperty("link").GetString());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("title").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", item.GetProperty("published").GetString());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("updated").ValueKind);
            Assert.Contains(item.GetProperty("dateSource").GetString(), new[] { "Meta", "PageElement", "Api", "BodyText", "FirstSeen", "ListOrder" });
        }
        var published = items.Select(i => DateTimeOffset.Parse(i.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(published.OrderByDescending(p => p), published);
    }

    [Fact]
    public async Task Items_and_status_show_times_in_WIB_whatever_the_machine_zone()
    {
        await Feedhub("crawl", "--config", Config, "--db", Db);
        Task<FeedhubProcess.Result> InNewYork(params string[] args)
        {
            var info = FeedhubProcess.StartInfo(_dir, args);
            info.Environment["TZ"] = "America/New_York";
            return FeedhubProcess.RunAsync(info);
        }

        var text = await InNewYork("items", "--db", Db);
        var json = await InNewYork("items", "--db", Db, "--json");
        var status = await InNewYork("status", "--config", Config, "--db", Db, "--json");

        Assert.All(text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB  ", line));
        using var items = JsonDocument.Parse(json.Stdout);
        Assert.All(items.RootElement.EnumerateArray(), i => Assert.EndsWith("+07:00", i.GetProperty("firstSeen").GetString()));
        using var sources = JsonDocument.Parse(status.Stdout);
        Assert.All(sources.RootElement.EnumerateArray(), s => Assert.EndsWith("+07:00", s.GetProperty("lastSuccess").GetString()));
    }

    [Theory]
    [InlineData("items")]
    [InlineData("status")]
    [InlineData("prune")]
    public async Task A_read_only_command_on_a_missing_database_says_so_and_creates_nothing(string command)
    {
        var missing = Path.Combine(_dir, "nowhere", "feedhub.db");
        string[] extra = command switch { "status" => ["--config", Config], "prune" => ["--older-than", "365d", "--dry-run"], _ => [] };

        var result = await Feedhub([command, "--db", missing, .. extra]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"no database at {missing}", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_dir, "nowhere")));
    }

    [Fact]
    public async Task Preview_prints_what_would_be_stored_and_writes_nothing()
    {
        var site = _farm.Sites[0];

        var result = await Feedhub("preview", "--config", Config, "--source", site.Id);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(site.Articles[0].Title, result.Stdout);
        Assert.Contains("date:", result.Stdout);
        Assert.Contains("nothing written", result.Stdout);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }
}
