using FeedHub.Host.Composition;
using FeedHub.Monitoring;
using FeedHub.Normalisation;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>What the overview shows: the counts, the rows by region in order, and a banner when every source fails alike.</summary>
public sealed record OverviewModel(
    SortOrder Order,
    SourceStatus? Filter,
    IReadOnlyList<(SourceStatus Status, int Count)> Counts,
    IReadOnlyList<(string Region, IReadOnlyList<SourceReport> Rows)> Regions,
    (string Cause, string Next)? Offline,
    IReadOnlyList<Item> Newest,
    IReadOnlyDictionary<string, string> SourceNames);

/// <summary><c>/</c>: every source at a glance, problems first, grouped by region, with counts that filter the table.</summary>
public static class OverviewPage
{
    /// <summary>The overview reloads itself this often, so a screen left open stays current.</summary>
    public const int RefreshSeconds = 60;

    private const int NewestAcrossProvince = 5;

    public static async Task<IResult> HandleAsync(
        string? sort, string? dir, string? status, HttpContext context, LiveCatalog catalog, StatusBoard board, ItemStore items, CancellationToken ct)
    {
        if (SortOrder.Parse(sort, dir, out var error) is not { } order || !TryParseFilter(status, out var filter, out error))
            return Results.Text(error, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        var page = PageContext.For(context);
        var sources = catalog.Current.Sources;
        var reports = await board.EvaluateAsync(sources, ct);
        var counts = Enum.GetValues<SourceStatus>()
            .OrderByDescending(s => s.Severity())
            .Select(s => (s, reports.Count(r => r.Health.Status == s)))
            .Where(c => c.Item2 > 0 || c.s != SourceStatus.Pending)
            .ToList();
        var regions = reports
            .Where(r => filter is null || r.Health.Status == filter)
            .GroupBy(r => r.Source.Region)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<SourceReport>)order.Apply(g).ToList()))
            .ToList();
        var model = new OverviewModel(order, filter, counts, regions, OfflineBanner(page, reports),
            await items.QueryAsync(new ItemFilter { Limit = NewestAcrossProvince }, ct),
            sources.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal));
        return new RazorComponentResult<OverviewView>(new { Page = page, Model = model });
    }

    /// <summary>
    /// When every source (more than one) fails for the same cause, the cause is most likely here, not at the
    /// sites: say so once, on top, instead of in every row.
    /// </summary>
    private static (string Cause, string Next)? OfflineBanner(PageContext page, IReadOnlyList<SourceReport> reports) =>
        SharedFailure(reports) is { } report ? page.Diagnosis(report) : null;

    /// <summary>A report standing for all when every one of two or more sources failed for the same cause; null otherwise.</summary>
    public static SourceReport? SharedFailure(IReadOnlyList<SourceReport> reports) =>
        reports.Count >= 2 && reports.Select(r => FailureCauses.Of(r.State)).Distinct().ToList() is [var only] && only != FailureCause.None
            ? reports[0]
            : null;

    private static bool TryParseFilter(string? status, out SourceStatus? filter, out string? error)
    {
        filter = null;
        error = null;
        if (string.IsNullOrEmpty(status)) return true;
        var match = Enum.GetValues<SourceStatus>().Where(s => s.Slug() == status).Select(s => (SourceStatus?)s).FirstOrDefault();
        if (match is null)
        {
            error = $"unknown status '{status}'; use one of: {string.Join(", ", Enum.GetValues<SourceStatus>().Select(s => s.Slug()))}";
            return false;
        }
        filter = match;
        return true;
    }
}
