using Dapper;
using FeedHub.Storage;
using Microsoft.Data.Sqlite;

namespace FeedHub.Host.Migrating;

/// <summary>
/// The SQLite store being migrated, opened read-only (never created, migrated or changed) inside one read
/// transaction, so every batch and the final counts see the same snapshot even if `run` still writes.
/// </summary>
public sealed class SqliteSource : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private SqliteSource(string path, SqliteConnection connection, SqliteTransaction snapshot)
    {
        Path = path;
        _connection = connection;
        _snapshot = snapshot;
    }

    /// <summary>Full path of the file, as named in messages.</summary>
    public string Path { get; }

    /// <summary>The random mark FeedHub gave the file (meta 'file_id'); tells this store's rows from another's in a target.</summary>
    public long FileId { get; private set; }

    /// <summary>The file's change stamp; the target's must end above it, so no cached rendering of the old store looks current.</summary>
    public long ChangeStamp { get; private set; }

    /// <exception cref="ArgumentException">No file at <paramref name="path"/> (a usage error: nothing to migrate).</exception>
    /// <exception cref="StorageException">Not a SQLite file, not FeedHub's, or of a newer schema.</exception>
    public static async Task<SqliteSource> OpenAsync(string path, CancellationToken cancellationToken)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
            throw new ArgumentException($"no SQLite database at {path} (--db or Paths:Database): nothing to migrate");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            var snapshot = connection.BeginTransaction(deferred: true);
            var source = new SqliteSource(path, connection, snapshot);
            await source.CheckAsync(cancellationToken);
            return source;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw StorageException.From(e, path, "opening the database to migrate");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Column names of <paramref name="table"/>, in table order.</summary>
    public Task<string[]> ColumnsAsync(string table, CancellationToken cancellationToken) =>
        Read($"reading the columns of {table}", async () => (await _connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM pragma_table_info(@table) ORDER BY cid;", new { table }, _snapshot, cancellationToken: cancellationToken))).ToArray());

    /// <summary>Rows of the table, or only those up to key <paramref name="upTo"/> (what a resumed run copied before).</summary>
    public Task<long> CountAsync(CopiedTable table, object? upTo, CancellationToken cancellationToken) =>
        Read($"counting {table.Name}", () => _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM {table.Name}" + (upTo is null ? ";" : $" WHERE {table.Key} <= @upTo;"),
            new { upTo }, _snapshot, cancellationToken: cancellationToken)));

    public Task<TableSum> SumAsync(CopiedTable table, IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        Read($"checksumming {table.Name}", () => TableSum.ReadAsync(_connection, _snapshot, table, columns, cancellationToken));

    /// <summary>
    /// Up to <paramref name="limit"/> rows of the table after <paramref name="after"/> in key order (from the
    /// start when null), each as its column values (long, double, string, byte[] or null).
    /// </summary>
    public Task<List<object?[]>> ReadBatchAsync(
        CopiedTable table, IReadOnlyList<string> columns, object? after, int limit, CancellationToken cancellationToken) =>
        Read($"reading {table.Name}", async () =>
        {
            await using var command = _connection.CreateCommand();
            command.Transaction = _snapshot;
            command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table.Name} " +
                                  (after is null ? "" : $"WHERE {table.Key} > $after ") +
                                  $"ORDER BY {table.Key} LIMIT $limit;";
            if (after is not null) command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$limit", limit);
            var rows = new List<object?[]>(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return rows;
        });

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var applicationId = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "PRAGMA application_id;", transaction: _snapshot, cancellationToken: cancellationToken));
        var version = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "PRAGMA user_version;", transaction: _snapshot, cancellationToken: cancellationToken));
        if (applicationId != Migrations.ApplicationId)
            throw new StorageException($"'{Path}' is not a FeedHub database (application_id {applicationId}); nothing to migrate");
        if (version > Migrations.Latest)
            throw new StorageException($"'{Path}' has FeedHub schema version {version}, newer than this build knows " +
                                       $"({Migrations.Latest}); migrate it with a newer FeedHub");
        var meta = (await _connection.QueryAsync<(string Key, long Value)>(new CommandDefinition(
            "SELECT key, value FROM meta WHERE key IN ('file_id', 'change_stamp');", transaction: _snapshot,
            cancellationToken: cancellationToken))).ToDictionary(row => row.Key, row => row.Value);
        FileId = meta.GetValueOrDefault("file_id");
        ChangeStamp = meta.GetValueOrDefault("change_stamp");
    }

    private async Task<T> Read<T>(string doing, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e, Path, doing);
        }
    }
}
