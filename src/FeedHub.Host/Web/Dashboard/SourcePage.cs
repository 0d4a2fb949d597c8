using System.Globalization;
using FeedHub.Host.Composition;
using FeedHub.Monitoring;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web.Dashboard;

/// <summary><c>/sources/{id}</c>: one source's fetch log, items, activity, configuration and feeds.</summary>
internal static class SourcePage
{
    private const int FetchLogRows = 50;
    private const int ItemRows = 50;

    public static string PathOf(string sourceId) => "/sources/" + Uri.EscapeDataString(sourceId);

    public static async Task<IResult> HandleAsync(
        string id, LiveCatalog catalog, StatusBoard board, ActivityQueries activity, ItemStore items, TimeProvider clock, CancellationToken ct)
    {
        if (catalog.Current.Find(id) is not { } source)
            return HtmlPage.NotFound($"No source '{id}' is configured.");
        var report = (await board.EvaluateAsync([source], ct))[0];
        var fetches = await activity.GetRecentFetchesAsync(source.Id, FetchLogRows, ct);
        var latest = await items.QueryAsync(new ItemFilter { SourceIds = [source.Id], Limit = ItemRows }, ct);
        var now = clock.GetUtcNow();
        var scope = FeedScope.Source(source.Id);
        return HtmlPage.Render(source.Name, [new FeedLink(source.Name, scope), HtmlPage.CombinedFeed], html =>
        {
            html.Element("h1", source.Name)
                .Open("p", ("class", "status")).Badge(report.Health.Status).Raw(" ").Element("span", report.Health.Reason, ("class", "reason"));
            if (report.Health.Since is { } since) html.Raw(" ").Element("span", "since " + Display.Time(since), ("class", "muted"));
            html.Close("p");

            html.Element("h2", "Activity (30 days)");
            if (report.Activity is { } figures)
            {
                Sparkline.Write(html, figures.PerDay, barWidth: 12, height: 60);
                html.Element("p", $"{Display.Number(figures.PublishedLast7Days)} items in the last 7 days, {Display.Number(figures.PublishedLast30Days)} in the last 30.", ("class", "muted"));
            }
            else html.Element("p", "Nothing stored yet.", ("class", "muted"));

            WriteConfiguration(html, report, now);
            html.Element("h2", "Feeds").Open("p").FeedLinks(scope).Close("p");
            WriteFetchLog(html, fetches);
            WriteItems(html, latest, now);
        });
    }

    private static void WriteConfiguration(HtmlWriter html, SourceReport report, DateTimeOffset now)
    {
        var source = report.Source;
        html.Element("h2", "Configuration").Open("dl", ("class", "config"));
        Term(html, "Id", source.Id);
        html.Element("dt", "Site").Open("dd").Link(source.Url.AbsoluteUri, source.Url.AbsoluteUri).Close("dd");
        Term(html, "Region", source.Region);
        Term(html, "Kind", source.Kind.ToString());
        Term(html, "Profile", source.Profile.Name);
        Term(html, "Categories", string.Join(", ", source.Categories.Select(c => c.ToString(CultureInfo.InvariantCulture))));
        Term(html, "Interval", Durations.Words(source.Interval));
        Term(html, "Time zone", source.TimeZone.Id);
        Term(html, "Last attempt", Display.Time(report.State?.LastAttempt));
        Term(html, "Last success", Display.Time(report.State?.LastSuccess));
        Term(html, "Consecutive failures", Display.Number(report.State?.ConsecutiveFailures ?? 0));
        Term(html, "Last error", report.State?.LastError ?? "—");
        Term(html, "Next run", report.State?.NextDue is { } next ? $"{Display.Time(next)} ({Display.Age(next, now)})" : "—");
        html.Close("dl");
    }

    private static void Term(HtmlWriter html, string term, string value) => html.Element("dt", term).Element("dd", value);

    private static void WriteFetchLog(HtmlWriter html, IReadOnlyList<FetchLogEntry> fetches)
    {
        html.Element("h2", "Recent fetches");
        if (fetches.Count == 0)
        {
            html.Element("p", "No fetch logged yet.", ("class", "muted"));
            return;
        }
        html.Open("table", ("class", "log")).Open("thead").Open("tr");
        foreach (var heading in new[] { "Time", "URL", "Status", "Outcome", "Duration", "Error" })
            html.Element("th", heading, ("scope", "col"));
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var fetch in fetches)
        {
            html.Open("tr")
                .Element("td", Display.Time(fetch.StartedAt), ("data-label", "Time"))
                .Open("td", ("data-label", "URL"), ("class", "url")).Link(fetch.Url, fetch.Url).Close("td")
                .Element("td", fetch.Status == 0 ? "—" : Display.Number(fetch.Status), ("data-label", "Status"), ("class", "num"))
                .Element("td", fetch.Outcome.ToString(), ("data-label", "Outcome"))
                .Element("td", $"{Display.Number((int)fetch.Duration.TotalMilliseconds)} ms", ("data-label", "Duration"), ("class", "num"))
                .Element("td", fetch.Error ?? "", ("data-label", "Error"), ("class", "error"))
                .Close("tr");
        }
        html.Close("tbody").Close("table");
    }

    private static void WriteItems(HtmlWriter html, IReadOnlyList<FeedHub.Normalisation.Item> latest, DateTimeOffset now)
    {
        html.Element("h2", "Items");
        if (latest.Count == 0)
        {
            html.Element("p", "No items stored yet.", ("class", "muted"));
            return;
        }
        SearchPage.WriteItemList(html, latest, now, showSource: false);
    }
}
