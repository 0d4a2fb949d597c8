using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Host;

/// <summary>`feedhub backup` against a database that a worker holds open in WAL mode.</summary>
public sealed class BackupCommandTests : IAsyncLifetime
{
    private readonly TempDatabase db = new();
    private SqliteConnection live = null!;

    private string Backup => Path.Combine(db.Directory, "backup.db");

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await db.Items.CommitAsync(new SourceRun
        {
            SourceId = "kab-blora",
            Items = Enumerable.Range(1, 7).Select(i => TestItems.Write("kab-blora", i, TestItems.WibTime(i, 9))).ToList(),
            State = SourceState.New("kab-blora"),
        }, CancellationToken.None);
        // Held open as `run` holds it, so the committed run still sits in the -wal file, not the main one.
        live = db.Sqlite.Open();
    }

    public async Task DisposeAsync()
    {
        await live.DisposeAsync();
        await db.DisposeAsync();
    }

    private Task<FeedhubProcess.Result> Feedhub(params string[] args) => FeedhubProcess.RunAsync(db.Directory, args);

    private static long CountItems(string path)
    {
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        copy.Open();
        using var count = copy.CreateCommand();
        count.CommandText = "SELECT count(*) FROM items;";
        return (long)count.ExecuteScalar()!;
    }

    [Fact]
    public async Task Backs_up_a_live_wal_database_into_one_file_that_opens_with_every_item()
    {
        Assert.True(new FileInfo(db.Path + "-wal").Length > 0);

        var result = await Feedhub("backup", "--db", db.Path, "--out", Backup);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(Backup + "-wal"));
        Assert.Equal(7, CountItems(Backup));
    }

    [Fact]
    public async Task Refuses_to_overwrite_an_existing_file_without_force_and_exits_2()
    {
        await File.WriteAllTextAsync(Backup, "yesterday's backup");

        var result = await Feedhub("backup", "--db", db.Path, "--out", Backup);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--force", result.Stderr);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(Backup));
    }

    [Fact]
    public async Task Force_replaces_an_existing_file()
    {
        await File.WriteAllTextAsync(Backup, "yesterday's backup");

        var result = await Feedhub("backup", "--db", db.Path, "--out", Backup, "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(7, CountItems(Backup));
    }

    [Fact]
    public async Task A_missing_database_is_a_storage_error_and_nothing_is_created()
    {
        var missing = Path.Combine(db.Directory, "nowhere", "feedhub.db");

        var result = await Feedhub("backup", "--db", missing, "--out", Backup);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no database", result.Stderr);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(Backup));
    }
}
