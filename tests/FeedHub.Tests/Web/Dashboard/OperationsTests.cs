using System.Text.Json;


namespace FeedHub.Tests.Web.Dashboard;

public sealed class OperationsTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task Healthz_reports_each_check_and_is_degraded_without_a_scheduler()
    {
        var (status, body, _) = await host.GetAsync("/healthz");

        Assert.Equal(200, status);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["database"] = "Healthy", ["scheduler"] = "Degraded", ["last-crawl"] = "Healthy" }, checks);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_answer_in_prometheus_format_with_sources_by_status()
    {
        var (status, body, _) = await host.GetAsync("/metrics");

        Assert.Equal(200, status);
        // The registry is process-wide and other tests' apps report too: assert the series, not its value.
        Assert.Contains("# TYPE feedhub_sources gauge", body);
        Assert.Matches("(?m)^feedhub_sources\\{status=\"broken\"\\} \\d+$", body);
    }

    [Fact]
    public async Task Metrics_do_not_grow_with_requests_to_new_paths_and_queries()
    {
        var before = await OtherSeriesAsync();
        for (var i = 0; i < 20; i++)
        {
            await host.GetAsync($"/no-such-page-{i}");
            await host.GetAsync($"/feeds/all.atom?q=pemilu{i}");
            await host.GetAsync("/healthz");
        }

        // FeedHub's own series are bounded by the configured sources (and other tests' apps share the
        // process-wide registry); every other exported series must stay exactly as it was.
        Assert.Equal(before, await OtherSeriesAsync());
    }

    private async Task<string[]> OtherSeriesAsync()
    {
        var (_, body, _) = await host.GetAsync("/metrics");
        return body.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("feedhub_", StringComparison.Ordinal))
            .Select(line => line[..line.LastIndexOf(' ')])
            .ToArray();
    }
}
