using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedHub.Host.Composition;
using FeedHub.Host.Web.Dashboard;
using FeedHub.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub status`: the dashboard's table in the terminal, or JSON for cron and scripts. Exit 0 whatever the statuses.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var db = CommonOptions.Database();
        var json = new Option<bool>("--json") { Description = "Print a JSON array with one object per source" };
        var command = new Command("status", "Show every source's status, as on the dashboard") { config, db, json };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(parse.GetValue(config), parse.GetValue(db));
            var pipeline = await Pipeline.StartAsync(host.Services, ct, readOnly: true);
            var settings = MonitorSettings.From(host.Services.GetRequiredService<IConfiguration>());
            var board = ActivatorUtilities.CreateInstance<StatusBoard>(host.Services, settings.QuietRule);
            var reports = await board.EvaluateAsync(pipeline.Catalog.Sources, ct);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            Console.Write(parse.GetValue(json) ? Json(reports) : Table(reports, now));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The array scripts read: ISO 8601 times in WIB (+07:00), status slugs as on the dashboard's CSS and metrics.</summary>
    public static string Json(IReadOnlyList<SourceReport> reports) => JsonSerializer.Serialize(reports.Select(r => new
    {
        id = r.Source.Id,
        name = r.Source.Name,
        region = r.Source.Region,
        status = r.Health.Status.Slug(),
        reason = r.Health.Reason,
        lastSuccess = WibText.Iso(r.State?.LastSuccess),
        newestPublished = WibText.Iso(r.Activity?.Newest?.Published),
        itemsLast7Days = r.Activity?.PublishedLast7Days ?? 0,
        itemsLast30Days = r.Activity?.PublishedLast30Days ?? 0,
        consecutiveFailures = r.State?.ConsecutiveFailures ?? 0,
        lastError = r.State?.LastError,
        nextDue = WibText.Iso(r.State?.NextDue),
    }), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + Environment.NewLine;

    /// <summary>Plain aligned text (no colour codes), grouped by region like the dashboard.</summary>
    public static string Table(IReadOnlyList<SourceReport> reports, DateTimeOffset now)
    {
        string[] header = ["SOURCE", "REGION", "STATUS", "LAST SUCCESS", "NEWEST ITEM", "7D", "30D", "FAILURES", "NEXT RUN", "LAST ERROR"];
        var rows = reports.OrderBy(r => r.Source.Region, StringComparer.Ordinal).ThenBy(r => r.Source.Id, StringComparer.Ordinal)
            .Select(r => new[]
            {
                r.Source.Id, r.Source.Region, r.Health.Status.Label(), Display.Age(r.State?.LastSuccess, now),
                r.Activity?.Newest is { } n ? Display.Age(n.Published, now) : "none",
                Display.Number(r.Activity?.PublishedLast7Days ?? 0), Display.Number(r.Activity?.PublishedLast30Days ?? 0),
                Display.Number(r.State?.ConsecutiveFailures ?? 0),
                r.State?.NextDue is { } next ? Display.Age(next, now) : "-",
                r.State?.ConsecutiveFailures > 0 ? r.State.LastError ?? "" : "",
            }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var line in rows.Prepend(header))
            text.AppendLine(string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        var counts = reports.CountBy(r => r.Health.Status).OrderByDescending(c => c.Key.Severity())
            .Select(c => $"{Display.Number(c.Value)} {c.Key.Label()}");
        text.AppendLine().AppendLine(string.Join(", ", counts));
        return text.ToString();
    }
}
