using FeedHub.Host.Composition;
using FeedHub.Monitoring;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web.Dashboard;

/// <summary><c>/</c>: every source at a glance, grouped by region, with a summary line on top.</summary>
internal static class OverviewPage
{
    private const int NewestAcrossProvince = 5;

    private static readonly (SortKey Key, string Label)[] Columns =
    [
        (SortKey.Name, "Source"), (SortKey.Status, "Status"), (SortKey.LastSuccess, "Last success"),
        (SortKey.Newest, "Newest item"), (SortKey.Week, "7 d"), (SortKey.Month, "30 d"),
    ];

    public static async Task<IResult> HandleAsync(
        string? sort, string? dir, LiveCatalog catalog, StatusBoard board, ItemStore items, TimeProvider clock, CancellationToken ct)
    {
        if (SortOrder.Parse(sort, dir, out var error) is not { } order)
            return Results.Text(error, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        var reports = await board.EvaluateAsync(catalog.Current.Sources, ct);
        var newest = await items.QueryAsync(new ItemFilter { Limit = NewestAcrossProvince }, ct);
        var names = catalog.Current.Sources.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        return HtmlPage.Render("Sources", [HtmlPage.CombinedFeed], html =>
        {
            html.Element("h1", "KPU news sources");
            WriteSummary(html, reports);
            html.Open("section", ("class", "newest")).Element("h2", "Newest across the province").Open("ul");
            foreach (var item in newest)
            {
                html.Open("li").Link(item.Link, item.Title).Raw(" ")
                    .Element("span", $"{names.GetValueOrDefault(item.SourceId, item.SourceId)} · {Display.Age(item.Published, now)}", ("class", "muted"))
                    .Close("li");
            }
            html.Close("ul").Close("section");
            WriteTable(html, reports, order, now);
        });
    }

    private static void WriteSummary(HtmlWriter html, IReadOnlyList<SourceReport> reports)
    {
        html.Open("p", ("class", "summary"));
        foreach (var status in Enum.GetValues<SourceStatus>().OrderByDescending(s => s == SourceStatus.Ok).ThenByDescending(s => s.Severity()))
        {
            var count = reports.Count(r => r.Health.Status == status);
            if (count == 0 && status == SourceStatus.Pending) continue;
            html.Open("span", ("class", "count")).Element("strong", Display.Number(count)).Raw(" ").Badge(status).Close("span").Raw(" ");
        }
        html.Close("p").Open("p", ("class", "feeds")).Text("Combined feeds: ").FeedLinks(FeedScope.All)
            .Element("a", "OPML", ("href", FeedPath.Opml), ("type", FeedFormats.OpmlMediaType)).Close("p");
    }

    private static void WriteTable(HtmlWriter html, IReadOnlyList<SourceReport> reports, SortOrder order, DateTimeOffset now)
    {
        html.Open("table", ("class", "sources")).Open("thead").Open("tr");
        foreach (var (key, label) in Columns)
            SortableHeader(html, order, key, label);
        html.Element("th", "Activity (30 d)", ("scope", "col"));
        SortableHeader(html, order, SortKey.Failures, "Failures");
        SortableHeader(html, order, SortKey.Next, "Next run");
        html.Close("tr").Close("thead");
        foreach (var region in reports.GroupBy(r => r.Source.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Open("tbody").Open("tr", ("class", "region")).Element("th", FeedPage.RegionName(region.Key), ("colspan", "9"), ("scope", "rowgroup")).Close("tr");
            foreach (var row in order.Apply(region))
                WriteRow(html, row, now);
            html.Close("tbody");
        }
        html.Close("table");
    }

    private static void SortableHeader(HtmlWriter html, SortOrder order, SortKey key, string label)
    {
        var current = order.Key == key;
        html.Open("th", ("scope", "col"), ("aria-sort", current ? (order.Descending ? "descending" : "ascending") : null))
            .Element("a", current ? $"{label} {(order.Descending ? "▼" : "▲")}" : label, ("href", order.LinkFor(key)))
            .Close("th");
    }

    private static void WriteRow(HtmlWriter html, SourceReport row, DateTimeOffset now)
    {
        var source = row.Source;
        var health = row.Health;
        html.Open("tr", ("id", "source-" + source.Id), ("data-source", source.Id), ("data-status", health.Status.Slug()));

        html.Open("td", ("data-label", "Source"), ("class", "name"))
            .Link(source.Url.AbsoluteUri, source.Name, ("rel", "external"))
            .Raw(" ").Element("a", "details", ("href", SourcePage.PathOf(source.Id)), ("class", "details"))
            .Close("td");

        html.Open("td", ("data-label", "Status")).Badge(health.Status);
        if (health.Status is SourceStatus.Failing or SourceStatus.BrokenExtraction && health.Since is { } since)
            html.Element("span", "since " + Display.Time(since), ("class", "reason"));
        else if (health.Status == SourceStatus.Quiet)
            html.Element("span", health.Reason, ("class", "reason"));
        html.Close("td");

        html.Open("td", ("data-label", "Last success"))
            .Element("time", Display.Age(row.State?.LastSuccess, now), ("datetime", Display.Iso(row.State?.LastSuccess)), ("title", Display.Time(row.State?.LastSuccess)))
            .Close("td");

        html.Open("td", ("data-label", "Newest item"), ("class", "newest-item"));
        if (row.Activity?.Newest is { } newest)
            html.Link(newest.Link, newest.Title).Raw(" ")
                .Element("time", Display.Age(newest.Published, now), ("datetime", Display.Iso(newest.Published)), ("class", "muted"));
        else
            html.Element("span", "none yet", ("class", "muted"));
        html.Close("td");

        html.Element("td", Display.Number(row.Activity?.PublishedLast7Days ?? 0), ("data-label", "7 d"), ("class", "num"))
            .Element("td", Display.Number(row.Activity?.PublishedLast30Days ?? 0), ("data-label", "30 d"), ("class", "num"));

        html.Open("td", ("data-label", "Activity"));
        if (row.Activity is { } activity) Sparkline.Write(html, activity.PerDay);
        html.Close("td");

        html.Open("td", ("data-label", "Failures")).Element("span", Display.Number(row.State?.ConsecutiveFailures ?? 0), ("class", "num"));
        if (row.State?.LastError is { } error && row.State.ConsecutiveFailures > 0)
            html.Element("span", error, ("class", "error"));
        html.Close("td");

        html.Open("td", ("data-label", "Next run"))
            .Element("time", row.State?.NextDue is { } next ? Display.Age(next, now) : "—", ("datetime", Display.Iso(row.State?.NextDue)), ("title", Display.Time(row.State?.NextDue)))
            .Close("td");
        html.Close("tr");
    }
}
