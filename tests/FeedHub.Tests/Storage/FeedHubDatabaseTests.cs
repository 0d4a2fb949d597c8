using FeedHub.Storage;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Storage;

public sealed class FeedHubDatabaseTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Initialise_creates_the_directory_and_every_table()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);

        var tables = _db.Strings("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name");
        Assert.Superset(new HashSet<string>
        {
            "meta", "sources_state", "items", "validators", "fetch_log", "items_fts",
            "items_newest", "items_by_source", "fetch_log_by_source",
        }, tables.ToHashSet());
    }

    [Fact]
    public async Task Initialise_twice_keeps_schema_and_data()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);
        await _db.CommitAsync(TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10)));

        await new SqliteDatabase(_db.Path, _db.Time).InitialiseAsync(CancellationToken.None);

        Assert.Equal((long)Migrations.Latest, _db.Scalar<long>("PRAGMA user_version"));
        Assert.Equal(1L, _db.Scalar<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Connections_use_wal_normal_sync_foreign_keys_and_busy_timeout()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);

        Assert.Equal("wal", _db.Scalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, _db.Scalar<long>("PRAGMA synchronous"));
        Assert.Equal(1L, _db.Scalar<long>("PRAGMA foreign_keys"));
        Assert.Equal(5000L, _db.Scalar<long>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Commands_give_up_after_the_configured_busy_timeout_not_the_drivers_30_seconds()
    {
        var db = new TempDatabase(new StorageLimits { BusyTimeout = TimeSpan.FromSeconds(2) });
        try
        {
            await db.InitializeAsync();
            using var connection = db.Sqlite.Open();
            Assert.Equal(2, connection.DefaultTimeout);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Refuses_a_file_that_is_not_sqlite_and_leaves_it_unchanged()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        await File.WriteAllBytesAsync(_db.Path, bytes);

        var error = await Assert.ThrowsAsync<StorageException>(() => _db.Database.InitialiseAsync(CancellationToken.None));

        Assert.Contains(_db.Path, error.Message);
        Assert.Contains("not a SQLite database", error.Message);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(_db.Path));
    }

    [Fact]
    public async Task Refuses_another_applications_database_and_leaves_it_unchanged()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        using (var other = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);";
            create.ExecuteNonQuery();
        }
        var before = await File.ReadAllBytesAsync(_db.Path);

        var error = await Assert.ThrowsAsync<StorageException>(() => _db.Database.InitialiseAsync(CancellationToken.None));

        Assert.Contains(_db.Path, error.Message);
        Assert.Contains("another application", error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(_db.Path));
    }

    [Fact]
    public async Task Refuses_a_schema_newer_than_the_code_knows()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);
        _db.Execute("PRAGMA user_version = 99");

        var error = await Assert.ThrowsAsync<StorageException>(
            () => new SqliteDatabase(_db.Path, _db.Time).InitialiseAsync(CancellationToken.None));

        Assert.Contains(_db.Path, error.Message);
        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public async Task Integrity_check_of_a_healthy_database_answers_ok()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);
        await _db.CommitAsync(TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10)));

        Assert.Equal("ok", await _db.Database.IntegrityCheckAsync());
    }
}
