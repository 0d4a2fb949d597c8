using System.Data.Common;
using Dapper;
using FeedHub.Storage;
using Npgsql;

namespace FeedHub.Host.Migrating;

/// <summary>
/// The PostgreSQL database `migrate` fills: FeedHub's own schema (created by <see cref="PostgresDatabase"/>),
/// rows inserted as stored (keys included), one transaction per batch that also records how far it got.
/// </summary>
public sealed class PostgresTarget(PostgresDatabase database)
{
    /// <summary>The meta row naming the SQLite file (its 'file_id') whose rows the database holds.</summary>
    private const string SourceKey = "migrated_from";

    public string Location => database.Location;

    /// <summary>
    /// Creates or migrates the schema and claims the database for <paramref name="sourceFileId"/>; a database
    /// already holding rows of another store (or of a worker) is refused, as copying into it would mix two stores.
    /// </summary>
    /// <exception cref="ArgumentException">The database holds another store's data (a usage error: nothing is copied).</exception>
    public async Task ClaimAsync(long sourceFileId, CancellationToken cancellationToken)
    {
        await database.InitialiseAsync(cancellationToken);
        await database.RunAsync("claiming the database for the migration", async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var claimed = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"SELECT value FROM meta WHERE key = '{SourceKey}';", transaction: transaction, cancellationToken: cancellationToken));
            if (claimed == sourceFileId)
                return;
            var rows = await connection.QueryAsync<(string Table, long Rows)>(new CommandDefinition(
                string.Join(" UNION ALL ", CopiedTable.All.Select(t => $"SELECT '{t.Name}', count(*) FROM {t.Name}")),
                transaction: transaction, cancellationToken: cancellationToken));
            var held = rows.Where(r => r.Rows > 0).Select(r => $"{r.Rows} {r.Table}").ToList();
            if (held.Count > 0)
                throw new ArgumentException($"{Location} already holds data not copied from this SQLite file ({string.Join(", ", held)}); " +
                                            "migrate into an empty database (CREATE DATABASE …), with no `feedhub run` on it");
            await SetMetaAsync(connection, transaction, SourceKey, sourceFileId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>The last key a previous run of a resumable table committed, or null to start at the beginning.</summary>
    public Task<long?> ProgressAsync(CopiedTable table, CancellationToken cancellationToken) =>
        table.Resumable
            ? database.RunAsync($"reading how far {table.Name} was copied", connection => connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT value FROM meta WHERE key = @key;", new { key = table.ProgressKey }, cancellationToken: cancellationToken)))
            : Task.FromResult<long?>(null);

    /// <summary>
    /// Inserts the rows in one transaction, skipping any already there (re-runs never duplicate), indexes new
    /// items for search as <see cref="ItemWriter"/> does, and records the last key copied. Returns the rows inserted.
    /// </summary>
    public Task<int> InsertAsync(
        CopiedTable table, string[] columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) =>
        database.RunAsync($"copying {table.Name}", async connection =>
        {
            var npgsql = (NpgsqlConnection)connection;
            await using var transaction = await npgsql.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(npgsql, transaction);
            var insert = InsertSql(table, columns, database.Dialect.SearchVector!);
            var inserts = new List<NpgsqlBatchCommand>(rows.Count);
            foreach (var row in rows)
            {
                var command = new NpgsqlBatchCommand(insert);
                foreach (var value in row)
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                if (table.Name == "items")
                    command.Parameters.Add(new NpgsqlParameter { Value = ItemWriter.SearchBody((string)row[Array.IndexOf(columns, "content_html")]!) });
                batch.BatchCommands.Add(command);
                inserts.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            if (table.Resumable)
                await SetMetaAsync(connection, transaction, table.ProgressKey,
                    Convert.ToInt64(rows[^1][Array.IndexOf(columns, table.Key)], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return inserts.Sum(command => command.RecordsAffected);
        });

    /// <summary>
    /// After the copy: the identity sequences continue above the copied keys (new items and fetch log rows
    /// must not collide with them), and the change stamp moves above both stores' so no rendering or ETag made
    /// from either looks current.
    /// </summary>
    public Task FinishAsync(long sourceChangeStamp, CancellationToken cancellationToken) =>
        database.RunAsync("finishing the migration", async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var table in CopiedTable.All.Where(t => t.Resumable))
                await connection.ExecuteAsync(new CommandDefinition(
                    $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{table.Key}'), max({table.Key})) FROM {table.Name} HAVING count(*) > 0;",
                    transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE meta SET value = greatest(value, @stamp) + 1 WHERE key = 'change_stamp';",
                new { stamp = sourceChangeStamp }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        });

    public Task<TableSum> SumAsync(CopiedTable table, string[] columns, CancellationToken cancellationToken) =>
        database.RunAsync($"checksumming {table.Name}", connection => TableSum.ReadAsync(connection, null, table, columns, cancellationToken));

    /// <summary>
    /// The insert of one copied row, positional parameters in column order; an item also gets its search vector,
    /// the expression <see cref="ItemWriter"/> writes (title, and the content's text as one extra parameter).
    /// </summary>
    private static string InsertSql(CopiedTable table, string[] columns, string searchVector)
    {
        var names = columns.ToList();
        var values = columns.Select((_, i) => $"${i + 1}").ToList();
        if (table.Name == "items")
        {
            names.Add("search");
            values.Add(searchVector
                .Replace("@Title", $"${Array.IndexOf(columns, "title") + 1}", StringComparison.Ordinal)
                .Replace("@Body", $"${columns.Length + 1}", StringComparison.Ordinal));
        }
        return $"INSERT INTO {table.Name} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)}) ON CONFLICT DO NOTHING;";
    }

    private static Task SetMetaAsync(DbConnection connection, DbTransaction transaction, string key, long value, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            new { key, value }, transaction, cancellationToken: cancellationToken));
}
