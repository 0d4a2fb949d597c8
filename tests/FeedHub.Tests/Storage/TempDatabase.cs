using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FeedHub.Tests.Storage;

/// <summary>The providers the store contract tests run on.</summary>
public enum StoreProvider { Sqlite, Postgres }

/// <summary>
/// A fresh database, deleted afterwards: a file in its own temp directory (SQLite), or a database of its own
/// on the shared test server (<see cref="PostgresServer"/>).
/// </summary>
public sealed class TempDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 12, 8, 3, 0, 0, TimeSpan.Zero);

    public TempDatabase(StorageLimits? limits = null, StoreProvider provider = StoreProvider.Sqlite)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "feedhub-storage-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "data", "feedhub.db");
        if (provider == StoreProvider.Postgres)
        {
            ConnectionString = PostgresServer.Shared.CreateDatabase();
            Database = new PostgresDatabase(new NpgsqlConnectionStringBuilder(ConnectionString), Time, limits);
        }
        else
            Database = new SqliteDatabase(Path, Time, limits);
        Items = new ItemStore(Database);
        States = new SourceStateStore(Database);
        Activity = new ActivityQueries(Database);
    }

    public string Directory { get; }
    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string Path { get; }
    /// <summary>The PostgreSQL database's connection string; null on SQLite.</summary>
    public string? ConnectionString { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public FeedHubDatabase Database { get; }
    /// <summary>The database as SQLite, for the tests of SQLite's own behaviour (file, WAL, plans).</summary>
    public SqliteDatabase Sqlite => (SqliteDatabase)Database;
    public ItemStore Items { get; }
    public SourceStateStore States { get; }
    public ActivityQueries Activity { get; }

    public Task InitializeAsync() => Database.InitialiseAsync(CancellationToken.None);

    public Task DisposeAsync()
    {
        if (ConnectionString is not null)
            PostgresServer.Shared.DropDatabase(ConnectionString);
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Commits the items as one run of their source, with a plain successful state.</summary>
    public Task<CommitResult> CommitAsync(params ItemWrite[] writes) =>
        Items.CommitAsync(new SourceRun
        {
            SourceId = writes[0].Item.SourceId,
            Items = writes,
            State = SourceState.New(writes[0].Item.SourceId) with { LastSuccess = Time.GetUtcNow() },
        }, CancellationToken.None);

    /// <summary>How many items the search index holds (SQLite's items_fts rows, PostgreSQL's filled search vectors).</summary>
    public long SearchRows() => Scalar<long>(Database is SqliteDatabase
        ? "SELECT count(*) FROM items_fts"
        : "SELECT count(*) FROM items WHERE search IS NOT NULL");

    public void Execute(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of every row the query returns, as text.</summary>
    public List<string> Strings(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    public T Scalar<T>(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
