using FeedHub.Host.Composition;
using FeedHub.Normalisation;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web.Dashboard;

/// <summary><c>/items?q=…</c>: full-text search over every stored item, newest first, one page at a time.</summary>
internal static class SearchPage
{
    private const int PageSize = 50;

    public static async Task<IResult> HandleAsync(string? q, string? before, LiveCatalog catalog, ItemStore items, TimeProvider clock, CancellationToken ct)
    {
        ItemCursor? cursor = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!PageCursor.TryDecode(before, out var decoded))
                return Results.Text("invalid 'before' paging token; follow the page's own 'Older' link", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            cursor = decoded;
        }
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var found = await items.QueryAsync(new ItemFilter { Text = text, Limit = PageSize, Before = cursor }, ct);
        var names = catalog.Current.Sources.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        return HtmlPage.Render(text is null ? "Latest items" : $"Search: {text}", [HtmlPage.CombinedFeed], html =>
        {
            html.Element("h1", text is null ? "Latest items" : "Search")
                .Open("form", ("method", "get"), ("action", "/items"), ("role", "search"))
                .Open("input", ("type", "search"), ("name", "q"), ("value", text ?? ""), ("placeholder", "e.g. rekapitulasi"), ("aria-label", "Search items"))
                .Element("button", "Search", ("type", "submit"))
                .Close("form");
            if (found.Count == 0)
            {
                html.Element("p", text is null ? "No items stored yet." : "No item matches.", ("class", "muted"));
                return;
            }
            WriteItemList(html, found, now, showSource: true, names);
            if (found.Count == PageSize)
            {
                var next = PageCursor.Encode(new ItemCursor(found[^1].Published, found[^1].Id));
                var query = (text is null ? "" : "q=" + Uri.EscapeDataString(text) + "&") + "before=" + Uri.EscapeDataString(next);
                html.Open("p").Element("a", "Older items →", ("href", "/items?" + query), ("rel", "next")).Close("p");
            }
        });
    }

    /// <summary>The item list shared by search and the source page.</summary>
    public static void WriteItemList(HtmlWriter html, IReadOnlyList<Item> items, DateTimeOffset now, bool showSource,
        IReadOnlyDictionary<string, string>? sourceNames = null)
    {
        html.Open("ol", ("class", "items"));
        foreach (var item in items)
        {
            html.Open("li").Link(item.Link, item.Title).Open("div", ("class", "muted"));
            if (showSource)
                html.Element("a", sourceNames?.GetValueOrDefault(item.SourceId) ?? item.SourceId, ("href", SourcePage.PathOf(item.SourceId))).Text(" · ");
            html.Element("time", $"{Display.Time(item.Published)} ({Display.Age(item.Published, now)})", ("datetime", Display.Iso(item.Published)));
            if (item.Category is { } category) html.Text(" · " + category);
            html.Close("div").Close("li");
        }
        html.Close("ol");
    }
}
