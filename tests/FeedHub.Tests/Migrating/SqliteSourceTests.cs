using System.Security.Cryptography;
using FeedHub.Host.Migrating;
using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Migrating;

/// <summary>The SQLite side of `migrate`: the store is read in key order from one snapshot and never changed.</summary>
public sealed class SqliteSourceTests : IAsyncLifetime
{
    private readonly TempDatabase db = new();
    private static readonly CopiedTable Items = CopiedTable.All.Single(t => t.Name == "items");

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await db.CommitAsync(Enumerable.Range(1, 5).Select(i => TestItems.Write("kab-blora", i, TestItems.WibTime(i, 9))).ToArray());
        SqliteConnection.ClearAllPools();
    }

    public Task DisposeAsync() => db.DisposeAsync();

    private static string FileHash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Reads_items_in_key_order_batch_after_batch()
    {
        await using var source = await SqliteSource.OpenAsync(db.Path, CancellationToken.None);
        var columns = await source.ColumnsAsync("items", CancellationToken.None);
        var key = Array.IndexOf(columns, "item_key");

        var first = await source.ReadBatchAsync(Items, columns, after: null, limit: 2, CancellationToken.None);
        var rest = await source.ReadBatchAsync(Items, columns, after: first[^1][key], limit: 10, CancellationToken.None);

        Assert.Equal([1L, 2L], first.Select(row => row[key]));
        Assert.Equal([3L, 4L, 5L], rest.Select(row => row[key]));
        Assert.Equal(2, await source.CountAsync(Items, upTo: first[^1][key], CancellationToken.None));
    }

    [Fact]
    public async Task Reading_everything_leaves_the_files_bytes_as_they_were()
    {
        var before = FileHash(db.Path);

        await using (var source = await SqliteSource.OpenAsync(db.Path, CancellationToken.None))
            foreach (var table in CopiedTable.All)
            {
                var columns = await source.ColumnsAsync(table.Name, CancellationToken.None);
                await source.ReadBatchAsync(table, columns, null, 100, CancellationToken.None);
                await source.SumAsync(table, columns, CancellationToken.None);
            }

        Assert.Equal(before, FileHash(db.Path));
    }

    [Fact]
    public async Task Knows_the_files_mark_and_change_stamp()
    {
        await using var source = await SqliteSource.OpenAsync(db.Path, CancellationToken.None);

        Assert.Equal(db.Scalar<long>("SELECT value FROM meta WHERE key = 'file_id';"), source.FileId);
        Assert.Equal(1, source.ChangeStamp);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error_and_is_not_created()
    {
        var missing = Path.Combine(db.Directory, "nowhere.db");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SqliteSource.OpenAsync(missing, CancellationToken.None));

        Assert.Contains($"no SQLite database at {missing}", error.Message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Another_applications_sqlite_file_is_refused()
    {
        var foreign = Path.Combine(db.Directory, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes (body TEXT);";
            await create.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StorageException>(() => SqliteSource.OpenAsync(foreign, CancellationToken.None));

        Assert.Contains("is not a FeedHub database", error.Message);
    }
}
