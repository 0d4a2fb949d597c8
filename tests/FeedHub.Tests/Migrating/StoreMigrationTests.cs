using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedHub.Fetching;
using FeedHub.Fixtures;
using FeedHub.Host.Migrating;
using FeedHub.Storage;
using FeedHub.Tests.Reliability;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FeedHub.Tests.Migrating;

/// <summary>
/// `migrate` from a SQLite store a real crawl filled (an edited item, a relaunched site's moved links, a
/// failing site's backoff, fetch log, validators) into a fresh PostgreSQL database.
/// </summary>
public sealed class StoreMigrationTests : IAsyncLifetime
{
    private CrawlRig rig = null!;
    private readonly List<string> targets = [];

    public async Task InitializeAsync()
    {
        rig = await CrawlRig.StartAsync(siteCount: 3);
        await rig.CrawlAsync();
        rig.Site(1).Mode = SiteMode.Relaunch;
        rig.Site(2).Mode = SiteMode.ServerError;
        await rig.CrawlAsync();
        await rig.CrawlAsync();
        var edited = TestItems.Write(rig.Site(0).Id, 900, TestItems.WibTime(3, 10));
        await rig.Db.CommitAsync(edited);
        // Fixture sites send validators only now and then; this one remembers an article's.
        await rig.Db.Items.CommitAsync(new SourceRun
        {
            SourceId = edited.Item.SourceId,
            Items = [TestItems.Edited(edited, "<p>Rapat pleno ditunda sampai pekan depan.</p>", TestItems.WibTime(4, 8))],
            State = null,
            Validators = new Dictionary<string, Validators> { [edited.Item.Link] = new("\"a1b2\"", "Thu, 04 Dec 2025 01:00:00 GMT") },
        }, CancellationToken.None);
        var failing = await rig.Db.States.GetAsync(rig.Site(2).Id);
        await rig.Db.States.SaveAsync(failing! with { NextDue = TestItems.WibTime(5, 9, 30) });
        SqliteConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        foreach (var target in targets) PostgresServer.Shared.DropDatabase(target);
        await rig.DisposeAsync();
    }

    private PostgresDatabase NewTarget()
    {
        var connectionString = PostgresServer.Shared.CreateDatabase();
        targets.Add(connectionString);
        return new PostgresDatabase(new NpgsqlConnectionStringBuilder(connectionString), TimeProvider.System);
    }

    private async Task<IReadOnlyList<TableReport>> MigrateAsync(
        PostgresDatabase target, int batchSize = 7, Action<CopyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var source = await SqliteSource.OpenAsync(rig.Db.Path, cancellationToken);
        return await new StoreMigration(source, new PostgresTarget(target), batchSize) { Progress = progress }.RunAsync(cancellationToken);
    }

    /// <summary>Every row of the table, every column but PostgreSQL's search vector, in key order, as text.</summary>
    private static List<string> Rows(DbConnection connection, CopiedTable table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table.Name} ORDER BY {table.Key};";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
                if (reader.GetName(i) != "search")
                    row.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
            rows.Add(row.ToString());
        }
        return rows;
    }

    private void AssertSameRows(PostgresDatabase target)
    {
        using var sqlite = rig.Db.Database.Open();
        using var postgres = target.Open();
        foreach (var table in CopiedTable.All)
        {
            var expected = Rows(sqlite, table);
            Assert.True(expected.Count > 0, $"{table.Name} has rows to copy");
            Assert.Equal(expected, Rows(postgres, table));
        }
    }

    [Fact]
    public async Task Copies_items_states_fetch_log_and_validators_with_every_column_as_stored()
    {
        Assert.Equal(2, rig.Db.Scalar<long>("SELECT max(version) FROM items;"));
        Assert.True(rig.Db.Scalar<long>("SELECT count(*) FROM items WHERE link LIKE '%/berita/baca/%';") > 0, "a relaunch moved links");
        Assert.True(rig.Db.Scalar<long>("SELECT max(consecutive_failures) FROM sources_state;") >= 2, "a failing site backs off");
        var target = NewTarget();

        var reports = await MigrateAsync(target);

        Assert.All(reports, r => Assert.True(r.Verified, r.Table.Name));
        Assert.All(reports, r => Assert.Equal((r.Rows, 0L), (r.Copied, r.AlreadyThere)));
        AssertSameRows(target);
    }

    [Fact]
    public async Task Search_finds_on_postgres_what_it_finds_on_sqlite()
    {
        var target = NewTarget();
        await MigrateAsync(target);
        var filter = new ItemFilter { Text = "ditunda", Limit = 50 };

        var found = await new ItemStore(target).QueryAsync(filter, CancellationToken.None);

        Assert.Equal((await rig.Db.Items.QueryAsync(filter, CancellationToken.None)).Select(i => i.Id), found.Select(i => i.Id));
        Assert.Single(found);
    }

    [Fact]
    public async Task A_second_run_copies_nothing_and_still_verifies()
    {
        var target = NewTarget();
        await MigrateAsync(target);

        var again = await MigrateAsync(target);

        Assert.All(again, r => Assert.True(r.Verified, r.Table.Name));
        Assert.All(again, r => Assert.Equal((0L, r.Rows), (r.Copied, r.AlreadyThere)));
        AssertSameRows(target);
    }

    [Fact]
    public async Task A_run_interrupted_after_its_first_item_batch_resumes_to_the_same_copy()
    {
        var target = NewTarget();
        using var interrupt = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MigrateAsync(target, progress: p =>
        {
            if (p.Table.Name == "items") interrupt.Cancel();
        }, cancellationToken: interrupt.Token));
        using (var postgres = target.Open())
            Assert.Equal(7, Rows(postgres, CopiedTable.All.Single(t => t.Name == "items")).Count);
        var resumed = await MigrateAsync(target);

        var items = resumed.Single(r => r.Table.Name == "items");
        Assert.Equal((items.Rows - 7, 7L), (items.Copied, items.AlreadyThere));
        Assert.All(resumed, r => Assert.True(r.Verified, r.Table.Name));
        AssertSameRows(target);
    }

    [Theory]
    [InlineData("DELETE FROM items WHERE item_key = 3;", "items")]
    [InlineData("UPDATE items SET version = 9 WHERE item_key = 3;", "items")]
    [InlineData("UPDATE fetch_log SET status = 201 WHERE id = 1;", "fetch_log")]
    [InlineData("UPDATE sources_state SET next_due = NULL;", "sources_state")]
    public async Task A_target_row_lost_or_changed_fails_the_check_of_its_table_only(string damage, string table)
    {
        var target = NewTarget();
        await MigrateAsync(target);
        await using (var postgres = target.Open())
        await using (var command = postgres.CreateCommand())
        {
            command.CommandText = damage;
            await command.ExecuteNonQueryAsync();
        }

        var again = await MigrateAsync(target);

        Assert.Equal([table], again.Where(r => !r.Verified).Select(r => r.Table.Name));
    }

    [Fact]
    public async Task The_sqlite_files_bytes_are_unchanged()
    {
        var before = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(rig.Db.Path)));

        await MigrateAsync(NewTarget());

        Assert.Equal(before, Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(rig.Db.Path))));
    }

    [Fact]
    public async Task New_rows_on_postgres_continue_above_the_copied_keys_and_the_change_stamp_moves_past_sqlites()
    {
        var target = NewTarget();
        await MigrateAsync(target);
        var store = new ItemStore(target);
        var (itemMax, fetchMax) = (rig.Db.Scalar<long>("SELECT max(item_key) FROM items;"), rig.Db.Scalar<long>("SELECT max(id) FROM fetch_log;"));

        await store.CommitAsync(new SourceRun
        {
            SourceId = "kab-demak", Items = [TestItems.Write("kab-demak", 1, TestItems.WibTime(6, 9))], State = SourceState.New("kab-demak"),
            Fetches = [new FetchLogEntry("kab-demak", "https://kab-demak.kpu.go.id/", TestItems.WibTime(6, 9), 200, FetchOutcome.Ok, 5120, TimeSpan.FromMilliseconds(80), null)],
        }, CancellationToken.None);

        await using var postgres = target.Open();
        await using var command = postgres.CreateCommand();
        command.CommandText = "SELECT item_key FROM items WHERE id = 'kab-demak:1' UNION ALL SELECT id FROM fetch_log WHERE source_id = 'kab-demak';";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var keys = new List<long>();
            while (await reader.ReadAsync()) keys.Add(reader.GetInt64(0));
            Assert.Equal([itemMax + 1, fetchMax + 1], keys);
        }
        Assert.True(await store.ChangeStampAsync(CancellationToken.None) > rig.Db.Scalar<long>("SELECT value FROM meta WHERE key = 'change_stamp';"));
    }

    [Fact]
    public async Task A_target_holding_another_stores_items_is_refused_untouched()
    {
        var target = NewTarget();
        await target.InitialiseAsync(CancellationToken.None);
        await new ItemStore(target).CommitAsync(new SourceRun
        {
            SourceId = "kab-demak", Items = [TestItems.Write("kab-demak", 1, TestItems.WibTime(6, 9))], State = SourceState.New("kab-demak"),
        }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MigrateAsync(target));

        Assert.Contains("already holds data not copied from this SQLite file (1 sources_state, 1 items)", error.Message);
        await using var postgres = target.Open();
        await using var command = postgres.CreateCommand();
        command.CommandText = "SELECT count(*) FROM items;";
        Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }
}
