using System.Text.Json;
using FeedHub.Host.Cli;
using FeedHub.Host.Composition;
using FeedHub.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Tests.Web.Dashboard;

/// <summary>`feedhub status` prints the same evaluation as the dashboard.</summary>
public sealed class StatusCommandTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private Task<IReadOnlyList<SourceReport>> EvaluateAsync() =>
        host.App.Services.GetRequiredService<StatusBoard>().EvaluateAsync(host.App.Services.GetRequiredService<LiveCatalog>().Current.Sources);

    [Fact]
    public async Task Json_has_one_object_per_source_with_the_documented_fields()
    {
        using var json = JsonDocument.Parse(StatusCommand.Json(await EvaluateAsync()));

        var rembang = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "kab-rembang");
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.Equal("failing", rembang.GetProperty("status").GetString());
        Assert.Equal(4, rembang.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal("2025-12-09T10:00:00+07:00", rembang.GetProperty("lastSuccess").GetString());
        Assert.Equal(1, rembang.GetProperty("itemsLast7Days").GetInt32());
        foreach (var field in new[] { "name", "region", "newestPublished", "itemsLast30Days", "lastError", "nextDue" })
            Assert.True(rembang.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task The_table_has_a_line_per_source_and_a_count_per_status()
    {
        var lines = StatusCommand.Table(await EvaluateAsync(), DashboardHost.Now).Split(Environment.NewLine);

        Assert.StartsWith("SOURCE", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("kab-rembang") && l.Contains("failing") && l.Contains("HTTP 503"));
        Assert.Contains("1 failing, 1 pending, 1 ok", lines);
    }
}
