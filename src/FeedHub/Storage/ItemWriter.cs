using System.Data.Common;
using System.Globalization;
using FeedHub.Normalisation;

namespace FeedHub.Storage;

/// <summary>What writing one item did.</summary>
internal enum WriteOutcome { New, Updated, Unchanged, Moved }

/// <summary>
/// Writes the items of one transaction with statements prepared once and reused for every item. A
/// command per item (as Dapper issues them) compiled the same SQL again for each row: that was most of
/// the cost of a commit.
/// </summary>
internal sealed class ItemWriter : IDisposable
{
    // By id first; by slug second, so an item first stored under its slug keeps its id.
    private const string FindStored = """
        SELECT item_key, content_hash FROM items
        WHERE id = @Id OR (source_id = @SourceId AND slug = @Slug)
        ORDER BY id = @Id DESC LIMIT 1;
        """;

    // {0} and {1}: the search column and its value where the row carries its search text (PostgreSQL).
    private const string InsertItem = """
        INSERT INTO items (id, source_id, slug, link, title, content_html, summary, image_url, category, author,
            tags, published, published_utc, date_source, updated, updated_utc, first_seen, content_hash, version,
            list_fingerprint, changed_utc{0})
        VALUES (@Id, @SourceId, @Slug, @Link, @Title, @ContentHtml, @Summary, @ImageUrl, @Category, @Author,
            @Tags, @Published, @PublishedUtc, @DateSource, @Updated, @UpdatedUtc, @FirstSeen, @ContentHash, @Version,
            @ListFingerprint, @ChangedUtc{1})
        RETURNING item_key;
        """;

    // The id, slug and first_seen of a stored item never change; the version only grows ({0}: the dialect's
    // greatest; {1}: the search column's new value, where the row carries it).
    private const string UpdateItem = """
        UPDATE items SET link = @Link, title = @Title, content_html = @ContentHtml, summary = @Summary,
            image_url = @ImageUrl, category = @Category, author = @Author, tags = @Tags,
            published = @Published, published_utc = @PublishedUtc, date_source = @DateSource,
            updated = @Updated, updated_utc = @UpdatedUtc, content_hash = @ContentHash,
            version = {0}(version + 1, @Version),
            list_fingerprint = coalesce(@ListFingerprint, list_fingerprint), changed_utc = @ChangedUtc{1}
        WHERE item_key = @Key;
        """;

    // Same title and text under a new link or category: no new version, no updated time, no reindexing
    // (the text is the same); the body and image are taken over, as a new template may serve images elsewhere.
    private const string MoveItem = """
        UPDATE items SET link = @Link, category = @Category, content_html = @ContentHtml, summary = @Summary,
            image_url = @ImageUrl, content_hash = @ContentHash,
            list_fingerprint = coalesce(@ListFingerprint, list_fingerprint), changed_utc = @ChangedUtc
        WHERE item_key = @Key;
        """;

    private readonly DbCommand find;
    private readonly DbCommand move;
    private readonly DbCommand insert;
    private readonly DbCommand update;
    private readonly DbCommand? unindex;
    private readonly DbCommand? index;
    private readonly bool searchInRow;
    private readonly DbCommand fingerprint;
    private readonly long changedUtc;

    public ItemWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long changedUtc)
    {
        this.changedUtc = changedUtc;
        DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }
        var vector = dialect.SearchVector;
        searchInRow = vector is not null;
        find = Command(FindStored);
        insert = Command(string.Format(CultureInfo.InvariantCulture, InsertItem, searchInRow ? ", search" : "", searchInRow ? ", " + vector : ""));
        update = Command(string.Format(CultureInfo.InvariantCulture, UpdateItem, dialect.Greatest, searchInRow ? ", search = " + vector : ""));
        move = Command(MoveItem);
        unindex = dialect.Unindex is { } unindexSql ? Command(unindexSql) : null;
        index = dialect.Index is { } indexSql ? Command(indexSql) : null;
        fingerprint = Command("UPDATE items SET list_fingerprint = @ListFingerprint WHERE item_key = @Key;");
    }

    /// <summary>
    /// Inserts a new item, moves one whose content is as stored (<see cref="ItemWrite.SameContentAs"/>), updates
    /// one whose content hash changed, or leaves it (recording its list fingerprint).
    /// </summary>
    public async Task<WriteOutcome> WriteAsync(ItemWrite write, CancellationToken cancellationToken)
    {
        var item = write.Item;
        Bind(find, ("@Id", item.Id), ("@SourceId", item.SourceId), ("@Slug", write.Slug));
        long? key = null;
        string? storedHash = null;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            if (await reader.ReadAsync(cancellationToken))
            {
                key = reader.GetInt64(0);
                storedHash = reader.GetString(1);
            }

        if (key is null)
        {
            BindItem(insert, write);
            var added = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            await IndexAsync(added, item, cancellationToken);
            return WriteOutcome.New;
        }
        if (write.SameContentAs is { } same && storedHash == same)
        {
            Bind(move, ("@Link", item.Link), ("@Category", item.Category), ("@ContentHtml", item.ContentHtml), ("@Summary", item.Summary),
                ("@ImageUrl", item.ImageUrl), ("@ContentHash", item.ContentHash),
                ("@ListFingerprint", write.ListFingerprint), ("@ChangedUtc", changedUtc), ("@Key", key));
            await move.ExecuteNonQueryAsync(cancellationToken);
            return WriteOutcome.Moved;
        }
        if (storedHash != item.ContentHash)
        {
            BindItem(update, write);
            Bind(update, ("@Key", key));
            await update.ExecuteNonQueryAsync(cancellationToken);
            if (unindex is not null)
            {
                Bind(unindex, ("@Key", key));
                await unindex.ExecuteNonQueryAsync(cancellationToken);
            }
            await IndexAsync(key.Value, item, cancellationToken);
            return WriteOutcome.Updated;
        }
        if (write.ListFingerprint is not null)
        {
            Bind(fingerprint, ("@ListFingerprint", write.ListFingerprint), ("@Key", key));
            await fingerprint.ExecuteNonQueryAsync(cancellationToken);
        }
        return WriteOutcome.Unchanged;
    }

    public void Dispose()
    {
        foreach (var command in new[] { find, insert, update, move, unindex, index, fingerprint }) command?.Dispose();
    }

    private async Task IndexAsync(long key, Item item, CancellationToken cancellationToken)
    {
        if (index is null)
            return;
        Bind(index, ("@Key", key), ("@Title", item.Title), ("@Body", SearchBody(item.ContentHtml)));
        await index.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What search indexes of an item's content (its text, without tags); `migrate` indexes copied rows by it too.</summary>
    internal static string SearchBody(string contentHtml) => HtmlText.Lines(contentHtml);

    /// <summary>The item's columns as <see cref="SqlTypeHandlers"/> stores them.</summary>
    private void BindItem(DbCommand command, ItemWrite write)
    {
        var item = write.Item;
        Bind(command,
            ("@Id", item.Id), ("@SourceId", item.SourceId), ("@Slug", write.Slug), ("@Link", item.Link),
            ("@Title", item.Title), ("@ContentHtml", item.ContentHtml), ("@Summary", item.Summary),
            ("@ImageUrl", item.ImageUrl), ("@Category", item.Category), ("@Author", item.Author),
            ("@Tags", SqlTypeHandlers.TagsToText(item.Tags)),
            ("@Published", SqlTypeHandlers.ToText(item.Published)), ("@PublishedUtc", item.Published.ToUnixTimeMilliseconds()),
            ("@DateSource", item.DateSource.ToString()),
            ("@Updated", item.Updated is { } updated ? SqlTypeHandlers.ToText(updated) : null),
            ("@UpdatedUtc", item.Updated?.ToUnixTimeMilliseconds()),
            ("@FirstSeen", SqlTypeHandlers.ToText(item.FirstSeen)), ("@ContentHash", item.ContentHash),
            ("@Version", item.Version), ("@ListFingerprint", write.ListFingerprint), ("@ChangedUtc", changedUtc));
        if (searchInRow)
            Bind(command, ("@Body", SearchBody(item.ContentHtml)));
    }

    /// <summary>Sets parameters by name, adding them on the command's first use; the statement itself stays prepared.</summary>
    private static void Bind(DbCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        foreach (var (name, value) in values)
        {
            var parameters = command.Parameters;
            var index = parameters.IndexOf(name);
            if (index >= 0)
            {
                parameters[index].Value = value ?? DBNull.Value;
                continue;
            }
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameters.Add(parameter);
        }
    }
}
