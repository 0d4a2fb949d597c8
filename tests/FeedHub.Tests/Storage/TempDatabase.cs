using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Storage;

/// <summary>A fresh database file in its own temp directory, deleted afterwards.</summary>
public sealed class TempDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 12, 8, 3, 0, 0, TimeSpan.Zero);

    public TempDatabase(StorageLimits? limits = null)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "feedhub-storage-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "data", "feedhub.db");
        Database = new FeedHubDatabase(Path, Time, limits);
        Items = new ItemStore(Database);
        States = new SourceStateStore(Database);
        Activity = new ActivityQueries(Database);
    }

    public string Directory { get; }
    public string Path { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public FeedHubDatabase Database { get; }
    public ItemStore Items { get; }
    public SourceStateStore States { get; }
    public ActivityQueries Activity { get; }

    public Task InitializeAsync() => Database.InitialiseAsync(CancellationToken.None);

    public Task DisposeAsync()
    {
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

    public void Execute(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public T Scalar<T>(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
