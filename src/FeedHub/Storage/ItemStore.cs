using System.Data.Common;
using Dapper;
using FeedHub.Normalisation;

namespace FeedHub.Storage;

/// <summary>Stored items: what a run writes (one transaction per run) and what feeds and search read.</summary>
public sealed class ItemStore(FeedHubDatabase database)
{
    /// <summary>The most items one query returns, whatever the filter asks.</summary>
    public const int MaxLimit = 500;

    /// <summary>Keeps IN lists well below SQLite's and PostgreSQL's parameter limits.</summary>
    private const int InListChunk = 500;

    private const string ItemColumns = """
        id AS Id, source_id AS SourceId, link AS Link, title AS Title, content_html AS ContentHtml,
        summary AS Summary, image_url AS ImageUrl, category AS Category, author AS Author, tags AS Tags,
        published AS Published, date_source AS DateSource, updated AS Updated, first_seen AS FirstSeen,
        content_hash AS ContentHash, version AS Version
        """;

    private const string KnownColumns = """
        id AS Id, slug AS Slug, link AS Link, content_hash AS ContentHash, list_fingerprint AS ListFingerprint,
        published AS Published, date_source AS DateSource, first_seen AS FirstSeen, version AS Version, category AS Category,
        title AS Title, content_html AS ContentHtml
        """;

    private const string BumpChangeStamp = "UPDATE meta SET value = value + 1 WHERE key = 'change_stamp';";

    private long _changesCommitted;

    /// <summary>
    /// How many commits and prunes of this process changed items: an in-memory hint that
    /// <see cref="ChangeStampAsync"/> moved, so readers can skip the database between changes.
    /// </summary>
    public long ChangesCommitted => Interlocked.Read(ref _changesCommitted);

    /// <summary>
    /// What is already stored of a source's items, keyed by each asked key's slug: found by the key's
    /// item id first (the same CMS id under another URL form or slug), else by slug.
    /// </summary>
    public Task<IReadOnlyDictionary<string, KnownItem>> GetKnownAsync(
        string sourceId, IEnumerable<ItemKey> keys, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyDictionary<string, KnownItem>>($"reading known items of source '{sourceId}'", async connection =>
        {
            var known = new Dictionary<string, KnownItem>(StringComparer.Ordinal);
            foreach (var chunk in keys.Distinct().Chunk(InListChunk))
            {
                var rows = (await connection.QueryAsync<KnownRow>(new CommandDefinition(
                    $"SELECT {KnownColumns} FROM items WHERE source_id = @SourceId " +
                    $"AND ({database.Dialect.In("slug", "Slugs")} OR {database.Dialect.In("id", "Ids")});",
                    new { SourceId = sourceId, Slugs = chunk.Select(k => k.Slug).ToArray(), Ids = chunk.Select(k => k.IdIn(sourceId)).ToArray() },
                    cancellationToken: cancellationToken))).ToList();
                foreach (var key in chunk)
                {
                    var id = key.IdIn(sourceId);
                    if ((rows.FirstOrDefault(r => r.Id == id) ?? rows.FirstOrDefault(r => r.Slug == key.Slug)) is { } row)
                        known[key.Slug] = row.ToKnownItem();
                }
            }
            return known;
        });

    /// <summary>
    /// Writes everything one run produced in one transaction: items (new, really updated or unchanged,
    /// judged against the stored hash, not the caller's view), list fingerprints, the source's state,
    /// its fetch log and validators. Either all of it is stored or none of it.
    /// </summary>
    public Task<CommitResult> CommitAsync(SourceRun run, CancellationToken cancellationToken) =>
        database.WriteAsync($"committing the run of source '{run.SourceId}'", async connection =>
        {
            var changedUtc = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            int created = 0, updated = 0, unchanged = 0, moved = 0;
            using (var writer = new ItemWriter(connection, transaction, database.Dialect, changedUtc))
                foreach (var write in run.Items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (await writer.WriteAsync(write, cancellationToken))
                    {
                        case WriteOutcome.New: created++; break;
                        case WriteOutcome.Updated: updated++; break;
                        case WriteOutcome.Moved: moved++; unchanged++; break;
                        default: unchanged++; break;
                    }
                }
            await Execute(connection, transaction, cancellationToken,
                "UPDATE items SET list_fingerprint = @Value WHERE id = @Key;",
                run.Fingerprints.Select(p => new { p.Key, p.Value }));
            if (run.State is not null)
                await SourceStateStore.UpsertAsync(connection, transaction, run.State, cancellationToken);
            await Execute(connection, transaction, cancellationToken, FetchLog.Insert,
                run.Fetches.Select(FetchLog.Parameters));
            await Execute(connection, transaction, cancellationToken, """
                INSERT INTO validators (url, etag, last_modified) VALUES (@Key, @ETag, @LastModified)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified;
                """, run.Validators.Select(p => new { p.Key, p.Value.ETag, p.Value.LastModified }));
            // A moved link changes what feeds show, though it is no new version.
            if (created + updated + moved > 0)
                await Execute(connection, transaction, cancellationToken, BumpChangeStamp, new { });
            await transaction.CommitAsync(cancellationToken);
            if (created + updated + moved > 0)
                Interlocked.Increment(ref _changesCommitted);
            return new CommitResult(created, updated, unchanged);
        }, cancellationToken);

    /// <summary>
    /// Items matching the filter, newest first (published desc, id desc), at most <see cref="MaxLimit"/>;
    /// ordered and limited inside the database, a search too (on SQLite see <see cref="SearchPlan"/>).
    /// </summary>
    public Task<IReadOnlyList<Item>> QueryAsync(ItemFilter filter, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Item>>("querying items", async connection =>
        {
            if (await QueryCommandAsync(connection, filter, $"SELECT {ItemColumns}", cancellationToken) is not { } command)
                return [];
            return (await connection.QueryAsync<Item>(command)).AsList();
        });

    /// <summary>SQLite's EXPLAIN QUERY PLAN of <see cref="QueryAsync"/> for the filter, one step per line; shows which way a search reads. SQLite only.</summary>
    internal Task<IReadOnlyList<string>> QueryPlanAsync(ItemFilter filter, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<string>>("explaining an item query", async connection =>
        {
            if (await QueryCommandAsync(connection, filter, "EXPLAIN QUERY PLAN SELECT id", cancellationToken) is not { } command)
                return [];
            var steps = await connection.QueryAsync(command);
            return steps.Select(step => (string)((IDictionary<string, object>)step)["detail"]).ToList();
        });

    /// <summary>The query of <see cref="QueryAsync"/> after <paramref name="select"/>; null when the filter matches nothing.</summary>
    private async Task<CommandDefinition?> QueryCommandAsync(
        DbConnection connection, ItemFilter filter, string select, CancellationToken cancellationToken)
    {
        var walk = database.Dialect.SearchMatchesPerRow is not null && await SearchPlan.WalksNewestAsync(connection, filter, cancellationToken);
        var where = ItemWhere.From(database.Dialect, filter, withCursor: true, matchPerRow: walk);
        if (where.MatchesNothing)
            return null;
        where.Parameters.Add("Limit", Math.Clamp(filter.Limit, 1, MaxLimit));
        var from = walk ? "items INDEXED BY items_newest" : "items";
        return new CommandDefinition(
            $"{select} FROM {from} {where.Sql} ORDER BY published_utc DESC, id DESC LIMIT @Limit;",
            where.Parameters, cancellationToken: cancellationToken);
    }

    /// <summary>How many items match the filter; paging (<see cref="ItemFilter.Before"/>, limit) is ignored.</summary>
    public Task<long> CountAsync(ItemFilter filter, CancellationToken cancellationToken) =>
        database.RunAsync("counting items", async connection =>
        {
            var where = ItemWhere.From(database.Dialect, filter, withCursor: false);
            if (where.MatchesNothing)
                return 0;
            // Search text alone: every search row has its item, so counting the matches needs no item lookups.
            var textOnly = filter is { SourceIds: null, Since: null, Until: null } && string.IsNullOrWhiteSpace(filter.Category)
                && !string.IsNullOrWhiteSpace(filter.Text);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                textOnly && database.Dialect.CountMatches is { } countMatches ? countMatches : $"SELECT count(*) FROM items {where.Sql};",
                where.Parameters, cancellationToken: cancellationToken));
        });

    public Task<Item?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.RunAsync($"reading item '{id}'", connection =>
            connection.QuerySingleOrDefaultAsync<Item?>(new CommandDefinition(
                $"SELECT {ItemColumns} FROM items WHERE id = @Id;", new { Id = id }, cancellationToken: cancellationToken)));

    /// <summary>A number that grows with every commit or prune that changed items; cheap, for cache invalidation.</summary>
    public Task<long> ChangeStampAsync(CancellationToken cancellationToken) =>
        database.RunAsync("reading the change stamp", connection =>
            connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT value FROM meta WHERE key = 'change_stamp';", cancellationToken: cancellationToken)));

    /// <summary>When a matching item was last inserted or really updated (UTC), for a feed's <c>updated</c>.</summary>
    public Task<DateTimeOffset?> LastChangeAsync(ItemFilter filter, CancellationToken cancellationToken = default) =>
        database.RunAsync("reading the last change time", async connection =>
        {
            var where = ItemWhere.From(database.Dialect, filter, withCursor: false);
            if (where.MatchesNothing)
                return null;
            var changedUtc = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"SELECT max(changed_utc) FROM items {where.Sql};", where.Parameters, cancellationToken: cancellationToken));
            return changedUtc is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        });

    /// <summary>
    /// The calendar months holding matching items, newest first, each as its first day, with
    /// published times read at the fixed UTC <paramref name="offset"/> (so months follow WIB, not
    /// UTC or the machine's zone). Paging (<see cref="ItemFilter.Before"/>, limit) is ignored.
    /// </summary>
    /// <remarks>
    /// Walks back month by month with one indexed <c>max(published_utc)</c> per month that has items,
    /// instead of reading every item's month: a feed render asks this, and a scan of the whole table
    /// made render time grow with history (docs/benchmarks.md).
    /// </remarks>
    public Task<IReadOnlyList<DateOnly>> MonthsAsync(ItemFilter filter, TimeSpan offset, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<DateOnly>>("listing the months with items", async connection =>
        {
            var months = new List<DateOnly>();
            for (var before = filter.Until; ;)
            {
                var where = ItemWhere.From(database.Dialect, filter with { Until = before }, withCursor: false);
                if (where.MatchesNothing)
                    return months;
                var newest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    $"SELECT max(published_utc) FROM items {where.Sql};", where.Parameters, cancellationToken: cancellationToken));
                if (newest is not { } ms)
                    return months;
                var local = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(offset);
                months.Add(new DateOnly(local.Year, local.Month, 1));
                before = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, offset);
            }
        });

    /// <summary>
    /// The distinct item categories, one spelling per name compared case-insensitively (as
    /// <see cref="ItemFilter.Category"/> compares), sorted; for listing category feeds.
    /// </summary>
    public Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<string>>("listing item categories", async connection =>
            (await connection.QueryAsync<string>(new CommandDefinition(
                database.Dialect.CategoryNames, cancellationToken: cancellationToken))).AsList());

    /// <summary>Retention: deletes items published before the cutoff (their search rows go with them).</summary>
    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        database.WriteAsync($"pruning items published before {olderThan:O}", async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM items WHERE published_utc < @CutoffUtc;",
                new { CutoffUtc = olderThan.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
            if (deleted > 0)
                await Execute(connection, transaction, cancellationToken, BumpChangeStamp, new { });
            await transaction.CommitAsync(cancellationToken);
            if (deleted > 0)
                Interlocked.Increment(ref _changesCommitted);
            return deleted;
        }, cancellationToken);

    private static Task Execute(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken, string sql, object parameters) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>Dapper binds constructors strictly (SQLite integers are Int64); a settable row converts.</summary>
    private sealed class KnownRow
    {
        public string Id { get; init; } = "";
        public string Slug { get; init; } = "";
        public string Link { get; init; } = "";
        public string ContentHash { get; init; } = "";
        public string? ListFingerprint { get; init; }
        public DateTimeOffset Published { get; init; }
        public Extraction.DateSource DateSource { get; init; }
        public DateTimeOffset FirstSeen { get; init; }
        public int Version { get; init; }
        public string? Category { get; init; }
        public string? Title { get; init; }
        public string? ContentHtml { get; init; }

        public KnownItem ToKnownItem() =>
            new(Id, Slug, Link, ContentHash, ListFingerprint, Published, DateSource, FirstSeen, Version, Category, Title, ContentHtml);
    }
}
