using FeedHub.Host.Composition;
using FeedHub.Normalisation;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>What the search page shows: one page of matches, how many match in all, and the next page's link.</summary>
public sealed record SearchModel(string? Text, IReadOnlyList<Item> Found, long Total, string? Older, IReadOnlyDictionary<string, string> SourceNames)
{
    /// <summary>The query string that asks a feed for the same search, e.g. <c>?q=pemilu</c>.</summary>
    public string FeedQuery => Text is null ? "" : "?q=" + Uri.EscapeDataString(Text);
}

/// <summary><c>/items?q=…</c>: full-text search over every stored item, newest first, one page at a time.</summary>
public static class SearchPage
{
    private const int PageSize = 50;

    public static async Task<IResult> HandleAsync(string? q, string? before, HttpContext context, LiveCatalog catalog, ItemStore items, SearchGate searches, CancellationToken ct)
    {
        ItemCursor? cursor = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!PageCursor.TryDecode(before, out var decoded))
                return Results.Text("invalid 'before' paging token; follow the page's own 'Older' link", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            cursor = decoded;
        }
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        IReadOnlyList<Item> found;
        long total;
        try
        {
            using var searching = text is null ? null : searches.Enter();
            found = await items.QueryAsync(new ItemFilter { Text = text, Limit = PageSize, Before = cursor }, ct);
            total = text is null ? found.Count : await items.CountAsync(new ItemFilter { Text = text }, ct);
        }
        catch (SearchBusyException e)
        {
            context.Response.Headers.RetryAfter = e.RetryAfterSeconds;
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        string? older = null;
        if (found.Count == PageSize)
        {
            var next = PageCursor.Encode(new ItemCursor(found[^1].Published, found[^1].Id));
            older = "/items?" + (text is null ? "" : "q=" + Uri.EscapeDataString(text) + "&") + "before=" + Uri.EscapeDataString(next);
        }
        var names = catalog.Current.Sources.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        return new RazorComponentResult<SearchView>(new { Page = PageContext.For(context), Model = new SearchModel(text, found, total, older, names) });
    }
}
