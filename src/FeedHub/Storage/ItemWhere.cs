using Dapper;

namespace FeedHub.Storage;

/// <summary>The WHERE clause and parameters of an <see cref="ItemFilter"/>, shared by query, count, last-change and months.</summary>
internal sealed record ItemWhere(string Sql, DynamicParameters Parameters, bool MatchesNothing)
{
    /// <param name="withCursor">Whether <see cref="ItemFilter.Before"/> applies (paging) or not (counting).</param>
    /// <param name="matchPerRow">
    /// Whether search text is tested row by row (for a walk down the newest-first index that stops at the
    /// limit) instead of as the set of all matches (for looking matches up when they are few).
    /// </param>
    public static ItemWhere From(SqlDialect dialect, ItemFilter filter, bool withCursor, bool matchPerRow = false)
    {
        var clauses = new List<string>();
        var parameters = new DynamicParameters();
        var matchesNothing = false;
        if (filter.SourceIds is { } sourceIds)
        {
            matchesNothing = sourceIds.Count == 0;
            clauses.Add(dialect.In("source_id", "SourceIds"));
            parameters.Add("SourceIds", sourceIds.ToArray());
        }
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            clauses.Add(dialect.CategoryEquals);
            parameters.Add("Category", filter.Category.Trim());
        }
        if (filter.Since is { } since)
        {
            clauses.Add("published_utc >= @SinceUtc");
            parameters.Add("SinceUtc", since.ToUnixTimeMilliseconds());
        }
        if (filter.Until is { } until)
        {
            clauses.Add("published_utc < @UntilUtc");
            parameters.Add("UntilUtc", until.ToUnixTimeMilliseconds());
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var query = SearchQuery.FromUserText(filter.Text);
            matchesNothing |= query is null;
            clauses.Add(matchPerRow ? dialect.SearchMatchesPerRow ?? dialect.SearchMatches : dialect.SearchMatches);
            parameters.Add("Fts", query ?? "");
        }
        if (withCursor && filter.Before is { } before)
        {
            clauses.Add("(published_utc, id) < (@BeforeUtc, @BeforeId)");
            parameters.Add("BeforeUtc", before.Published.ToUnixTimeMilliseconds());
            parameters.Add("BeforeId", before.Id);
        }
        var sql = clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
        return new ItemWhere(sql, parameters, matchesNothing);
    }
}
