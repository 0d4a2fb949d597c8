using FeedHub.Host.Composition;
using FeedHub.Monitoring;
using FeedHub.Normalisation;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>What the source page shows.</summary>
public sealed record SourceModel(SourceReport Report, IReadOnlyList<FetchLogEntry> Fetches, IReadOnlyList<Item> Items);

/// <summary><c>/sources/{id}</c>: one source's status, fetch log, items, activity, configuration and feeds.</summary>
public static class SourcePage
{
    private const int FetchLogRows = 50;
    private const int ItemRows = 50;

    public static string PathOf(string sourceId) => "/sources/" + Uri.EscapeDataString(sourceId);

    public static async Task<IResult> HandleAsync(
        string id, HttpContext context, LiveCatalog catalog, StatusBoard board, ActivityQueries activity, ItemStore items, CancellationToken ct)
    {
        var page = PageContext.For(context);
        if (catalog.Current.Find(id) is not { } source)
            return NotFoundView.Result(page, page["NotFound.Source", id]);
        var report = (await board.EvaluateAsync([source], ct))[0];
        var fetches = await activity.GetRecentFetchesAsync(source.Id, FetchLogRows, ct);
        var latest = await items.QueryAsync(new ItemFilter { SourceIds = [source.Id], Limit = ItemRows }, ct);
        return new RazorComponentResult<SourceView>(new { Page = page, Model = new SourceModel(report, fetches, latest) });
    }

    /// <summary>
    /// The usual names of the KPU CMS's category ids: the ids are shared across the sites, and the headings
    /// mostly agree. An id outside this list shows as its number alone.
    /// </summary>
    private static readonly Dictionary<int, string> CategoryNames = new()
    {
        [104] = "Berita Terkini", [105] = "Sosialisasi", [11] = "Pengumuman", [14] = "Umum",
        [96] = "KPU Dalam Berita", [135] = "Opini", [137] = "PDPB",
    };

    /// <summary>"Berita Terkini (104)", or "212" for an id without a known name.</summary>
    public static string CategoryName(int id) =>
        CategoryNames.TryGetValue(id, out var name) ? $"{name} ({Display.Number(id)})" : Display.Number(id);

    public static string KindKey(SourceKind kind) => "Kind." + kind;
}
