using System.Data.Common;
using Dapper;

namespace FeedHub.Storage;

/// <summary>
/// How a text search reaches its newest matches inside SQLite (FTS5; PostgreSQL's planner chooses by itself). Few matches: look each one up and sort
/// them. Many (a common word): walk the newest-first index and test each item against the search until
/// the limit is reached, reading about limit × items ÷ matches rows instead of looking up and sorting every
/// match (which made common words cost 0.4 s at 1M items and let a burst of them freeze the server).
/// </summary>
internal static class SearchPlan
{
    /// <summary>Walk when at least one item in this many matches: the walk then reads about limit × this rows.</summary>
    public const int WalkWhenOneIn = 20;

    /// <summary>Fewer matches than this are cheap to look up and sort, whatever the store's size.</summary>
    public const int MinWalkMatches = 1000;

    /// <summary>
    /// Whether the filter's search should walk the newest-first index. Only for searches over every
    /// source and category: a source or category filter would make most walked rows misses.
    /// </summary>
    public static async Task<bool> WalksNewestAsync(DbConnection connection, ItemFilter filter, CancellationToken cancellationToken)
    {
        if (filter.SourceIds is not null || !string.IsNullOrWhiteSpace(filter.Category)
            || SearchQuery.FromUserText(filter.Text ?? "") is not { } fts)
            return false;
        // The highest key bounds the item count from above (pruned keys are not reused) without a scan.
        var items = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(item_key), 0) FROM items;", cancellationToken: cancellationToken));
        var enough = Math.Max(MinWalkMatches, items / WalkWhenOneIn);
        // Counting stops at 'enough', so deciding costs no more than the cheaper plan.
        var found = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM (SELECT 1 FROM items_fts WHERE items_fts MATCH @Fts LIMIT @Enough);",
            new { Fts = fts, Enough = enough }, cancellationToken: cancellationToken));
        return found >= enough;
    }
}
