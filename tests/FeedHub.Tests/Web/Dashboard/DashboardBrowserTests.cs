using System.Text.Json.Nodes;
using FeedHub.Host.Cli;

namespace FeedHub.Tests.Web.Dashboard;

/// <summary>The demo's world: 36 fixture sites crawled once, then one switched to 500s and one to a maintenance page.</summary>
public sealed class CrawledFarm : IAsyncLifetime
{
    public DemoWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await DemoWorld.CreateAsync(new DemoSettings { Urls = "http://127.0.0.1:0", Schedule = false }, CancellationToken.None);
        await World.App.StartAsync();
        await World.StageAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await World.DisposeAsync();
}

public sealed class DashboardBrowserTests(CrawledFarm farm) : IClassFixture<CrawledFarm>
{
    private const string RowsScript = """
        JSON.stringify([...document.querySelectorAll('tr[data-source]')].map(r => ({
          id: r.dataset.source,
          status: r.dataset.status,
          badge: r.querySelector('.badge').textContent,
          visible: r.getBoundingClientRect().height > 0
        })))
        """;

    private static string ScreenshotPath(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    /// <summary>How far the page is wider than the window: 0 when nothing scrolls sideways.</summary>
    private const string OverflowScript = "document.documentElement.scrollWidth - document.documentElement.clientWidth";

    private async Task<Dictionary<string, string>> LoadRowsAsync(int width, int height, bool phone, string screenshot)
    {
        await using var chromium = await Chromium.StartAsync();
        await chromium.SetViewportAsync(width, height, phone);
        // Headless Chromium asks for English; the provincial office's browsers ask for Indonesian.
        await chromium.NavigateAsync(new Uri(farm.World.DashboardUrl, "?lang=id"));
        var rows = JsonNode.Parse((await chromium.EvaluateAsync(RowsScript))!.GetValue<string>())!.AsArray();
        Assert.Equal(0, (await chromium.EvaluateAsync(OverflowScript))!.GetValue<int>());
        var png = await chromium.ScreenshotAsync(fullPage: !phone);
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath(screenshot))!);
        await File.WriteAllBytesAsync(ScreenshotPath(screenshot), png);
        Assert.All(rows, row => Assert.True(row!["visible"]!.GetValue<bool>(), $"row {row["id"]} is not visible"));
        Assert.All(rows, row => Assert.Equal(IndonesianLabel(row!["status"]!.GetValue<string>()), row["badge"]!.GetValue<string>()));
        return rows.ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["status"]!.GetValue<string>());
    }

    private static string IndonesianLabel(string status) => status switch
    {
        "ok" => "normal",
        "quiet" => "sepi",
        "failing" => "gagal",
        "broken" => "ekstraksi rusak",
        _ => "menunggu",
    };

    [Fact]
    public async Task Chromium_shows_every_source_with_the_failing_and_broken_ones_marked()
    {
        var rows = await LoadRowsAsync(1400, 1000, phone: false, "dashboard.png");

        Assert.Equal(farm.World.Farm.Sites.Select(s => s.Id).Order(), rows.Keys.Order());
        Assert.Equal("failing", rows[farm.World.FailingSite.Id]);
        Assert.Equal("broken", rows[farm.World.BrokenSite.Id]);
        Assert.All(rows.Where(r => r.Key != farm.World.FailingSite.Id && r.Key != farm.World.BrokenSite.Id),
            row => Assert.Contains(row.Value, new[] { "ok", "quiet" }));
        Assert.True(new FileInfo(ScreenshotPath("dashboard.png")).Length > 10_000);
    }

    [Fact]
    public async Task Chromium_on_a_phone_width_still_shows_every_row()
    {
        var rows = await LoadRowsAsync(420, 900, phone: true, "dashboard-phone.png");

        Assert.Equal(farm.World.Farm.Sites.Count, rows.Count);
        Assert.Equal("broken", rows[farm.World.BrokenSite.Id]);
    }

    [Theory]
    [InlineData("sources/{broken}")]
    [InlineData("items?q=pemilih")]
    public async Task Chromium_on_a_phone_width_scrolls_no_other_page_sideways(string path)
    {
        await using var chromium = await Chromium.StartAsync();
        await chromium.SetViewportAsync(420, 900, mobile: true);

        await chromium.NavigateAsync(new Uri(farm.World.DashboardUrl, path.Replace("{broken}", farm.World.BrokenSite.Id) + (path.Contains('?') ? "&" : "?") + "lang=id"));

        Assert.Equal(0, (await chromium.EvaluateAsync(OverflowScript))!.GetValue<int>());
    }

    [Fact]
    public async Task Metrics_count_the_crawls_fetches_and_extraction_failures()
    {
        using var http = new HttpClient { BaseAddress = farm.World.DashboardUrl };

        var body = await http.GetStringAsync("metrics");

        Assert.Contains("# TYPE feedhub_fetches_total counter", body);
        Assert.Matches("(?m)^feedhub_fetches_total\\{source=\"[a-z-]+\",outcome=\"Ok\"\\} [1-9]", body);
        Assert.Matches("(?m)^feedhub_fetches_total\\{source=\"[a-z-]+\",outcome=\"HttpError\"\\} [1-9]", body);
        Assert.Matches($"(?m)^feedhub_extraction_failures_total\\{{source=\"{farm.World.BrokenSite.Id}\"\\}} [1-9]", body);
        Assert.Matches("(?m)^feedhub_items_new_total\\{source=\"[a-z-]+\"\\} [1-9]", body);
        Assert.Contains("# TYPE feedhub_crawl_duration_seconds histogram", body);
    }
}
