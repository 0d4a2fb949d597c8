using System.Globalization;

namespace FeedHub.Storage;

/// <summary>
/// The few SQL fragments that differ between SQLite and PostgreSQL; every other statement of the stores is
/// shared. Parameters are named <c>@Name</c> in both.
/// </summary>
/// <param name="InList">
/// A column's membership in a list parameter, as a format of column {0} and parameter {1}: Dapper expands the list
/// for SQLite, while Npgsql sends it as one array.
/// </param>
/// <param name="CategoryEquals">The category filter, compared case-insensitively as <see cref="ItemFilter.Category"/> promises.</param>
/// <param name="CategoryNames">One spelling per category compared case-insensitively (the smallest, byte-wise), sorted.</param>
/// <param name="Greatest">The scalar function returning the larger of two values.</param>
/// <param name="SearchMatches">Items whose text matches the search <c>@Fts</c> (<see cref="SearchQuery"/>'s output).</param>
/// <param name="SearchMatchesPerRow">
/// The same, tested row by row for a walk down the newest-first index (<see cref="SearchPlan"/>); null when the
/// provider never walks (only SQLite's FTS5 needs the plan).
/// </param>
/// <param name="CountMatches">Counts the search's matches without reading items, or null when only a count over items will do.</param>
/// <param name="Index">Indexes item <c>@Key</c>'s <c>@Title</c> and <c>@Body</c> in a search table of its own; null when the row carries its search text.</param>
/// <param name="Unindex">Drops item <c>@Key</c>'s old search text from that table before it is indexed again; null without one.</param>
/// <param name="SearchVector">
/// The value of the items' own <c>search</c> column, from <c>@Title</c> and <c>@Body</c>, written with the row's
/// insert or update (one row version per write, not an insert and then an update); null when <see cref="Index"/> indexes.
/// </param>
internal sealed record SqlDialect(
    string InList,
    string CategoryEquals,
    string CategoryNames,
    string Greatest,
    string SearchMatches,
    string? SearchMatchesPerRow,
    string? CountMatches,
    string? Index,
    string? Unindex,
    string? SearchVector)
{
    /// <summary>The text search configuration of PostgreSQL: KPU sites write Indonesian (stems: pemilihan ~ pemilih).</summary>
    public const string PostgresTextSearch = "indonesian";

    public static readonly SqlDialect Sqlite = new(
        InList: "{0} IN @{1}",
        CategoryEquals: "category = @Category COLLATE NOCASE",
        CategoryNames: """
            SELECT min(category) FROM items WHERE category IS NOT NULL AND category <> ''
            GROUP BY category COLLATE NOCASE ORDER BY 1;
            """,
        Greatest: "max",
        SearchMatches: "item_key IN (SELECT rowid FROM items_fts WHERE items_fts MATCH @Fts)",
        SearchMatchesPerRow: "EXISTS (SELECT 1 FROM items_fts WHERE items_fts MATCH @Fts AND items_fts.rowid = items.item_key)",
        CountMatches: "SELECT count(*) FROM items_fts WHERE items_fts MATCH @Fts;",
        Index: "INSERT INTO items_fts (rowid, title, body) VALUES (@Key, @Title, @Body);",
        Unindex: "DELETE FROM items_fts WHERE rowid = @Key;",
        SearchVector: null);

    // websearch_to_tsquery reads SearchQuery's output as intended ("quoted" phrases keep their order, terms
    // are ANDed) and never raises a syntax error. Title and body are separate vectors, as FTS5's columns are.
    public static readonly SqlDialect Postgres = new(
        InList: "{0} = ANY(@{1})",
        CategoryEquals: "lower(category) = lower(@Category)",
        CategoryNames: """
            SELECT min(category COLLATE "C") FROM items WHERE category IS NOT NULL AND category <> ''
            GROUP BY lower(category) ORDER BY 1;
            """,
        Greatest: "greatest",
        SearchMatches: $"search @@ websearch_to_tsquery('{PostgresTextSearch}', @Fts)",
        SearchMatchesPerRow: null,
        CountMatches: null,
        Index: null,
        Unindex: null,
        SearchVector: $"to_tsvector('{PostgresTextSearch}', @Title) || to_tsvector('{PostgresTextSearch}', @Body)");

    /// <summary><paramref name="column"/> is one of the list (an array or list) bound as <paramref name="parameter"/>.</summary>
    public string In(string column, string parameter) => string.Format(CultureInfo.InvariantCulture, InList, column, parameter);
}
