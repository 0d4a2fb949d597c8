using FeedHub.Fixtures;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FeedHub.Tests.Host;

/// <summary>`feedhub migrate --to postgres` as an operator runs it: its summary, and its refusals with exit code 2.</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private readonly TempDatabase db = new();
    private string target = null!;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await db.CommitAsync(Enumerable.Range(1, 12).Select(i => TestItems.Write("kab-blora", i, TestItems.WibTime(i, 9))).ToArray());
        SqliteConnection.ClearAllPools();
        target = PostgresServer.Shared.CreateDatabase();
    }

    public async Task DisposeAsync()
    {
        PostgresServer.Shared.DropDatabase(target);
        await db.DisposeAsync();
    }

    private Task<FeedhubProcess.Result> Migrate(params string[] args) =>
        FeedhubProcess.RunAsync(db.Directory, ["migrate", .. args]);

    [Fact]
    public async Task Copies_the_store_and_prints_rows_per_table_verified()
    {
        var result = await Migrate("--to", "postgres", "--db", db.Path, "--connection", target, "--batch-size", "5");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"migrated {db.Path} to PostgreSQL ", result.Stdout);
        Assert.Matches(@"items\s+12 rows: 12 copied, 0 already there, verified", result.Stdout);
        Assert.Matches(@"sources_state\s+1 rows: 1 copied, 0 already there, verified", result.Stdout);
    }

    [Fact]
    public async Task A_run_killed_midway_resumes_where_it_stopped_and_ends_verified()
    {
        await db.CommitAsync(Enumerable.Range(100, 1500).Select(i => TestItems.Write("kab-pati", i, TestItems.WibTime(i % 28 + 1, 10))).ToArray());
        SqliteConnection.ClearAllPools();
        using (var process = Process.Start(FeedhubProcess.StartInfo(db.Directory, "migrate", "--to", "postgres", "--db", db.Path, "--connection", target, "--batch-size", "1"))!)
        {
            while (await CopiedUpToAsync() is null) await Task.Delay(20);
            Assert.False(process.HasExited, "the run was to be killed while copying items");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var killedAt = await CopiedUpToAsync();

        var result = await Migrate("--to", "postgres", "--db", db.Path, "--connection", target);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var items = Regex.Match(result.Stdout, @"items\s+1512 rows: (?<copied>\d+) copied, (?<there>\d+) already there, verified");
        Assert.True(items.Success, result.Stdout);
        Assert.Equal(killedAt, long.Parse(items.Groups["there"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The last item key the migration committed to the target, or null before its first item batch.</summary>
    private async Task<long?> CopiedUpToAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(target);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'migrate_items_after';", connection);
            return await command.ExecuteScalarAsync() as long?;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_table_that_differs_after_the_copy_exits_1_naming_it()
    {
        Assert.Equal(0, (await Migrate("--to", "postgres", "--db", db.Path, "--connection", target)).ExitCode);
        await using (var connection = new NpgsqlConnection(target))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("DELETE FROM items WHERE item_key = 4;", connection);
            await command.ExecuteNonQueryAsync();
        }

        var result = await Migrate("--to", "postgres", "--db", db.Path, "--connection", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: items differs after the copy: 12 rows in SQLite, 11 in PostgreSQL", result.Stderr);
        Assert.Matches(@"items\s+12 rows: 0 copied, CHECK FAILED \(11 rows in PostgreSQL\)", result.Stdout);
    }

    [Fact]
    public async Task Takes_the_target_from_Storage_ConnectionString()
    {
        var result = await FeedhubProcess.RunAsync(OnPostgres("migrate", "--to", "postgres", "--db", db.Path));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(@"items\s+12 rows: 12 copied", result.Stdout);
    }

    [Fact]
    public async Task Afterwards_items_and_exported_feeds_read_the_same_from_postgres()
    {
        Assert.Equal(0, (await Migrate("--to", "postgres", "--db", db.Path, "--connection", target)).ExitCode);
        var config = Path.Combine(RepoRoot.Path, "feeds.json");

        var sqliteItems = await FeedhubProcess.RunAsync(db.Directory, "items", "--json", "--db", db.Path);
        var postgresItems = await FeedhubProcess.RunAsync(OnPostgres("items", "--json"));
        await FeedhubProcess.RunAsync(db.Directory, "export", "--config", config, "--db", db.Path, "--out", Path.Combine(db.Directory, "sqlite-site"));
        await FeedhubProcess.RunAsync(OnPostgres("export", "--config", config, "--out", Path.Combine(db.Directory, "postgres-site")));

        Assert.Contains("\"id\": \"kab-blora:12\"", sqliteItems.Stdout);
        Assert.Equal(sqliteItems.Stdout, postgresItems.Stdout);
        foreach (var feed in new[] { "feeds/all.atom", "feeds/kab-blora.json", "feeds/region/jawa-tengah.rss" })
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(db.Directory, "sqlite-site", feed)),
                await File.ReadAllTextAsync(Path.Combine(db.Directory, "postgres-site", feed)));
    }

    /// <summary>A command run as a worker configured for the migrated database runs it.</summary>
    private ProcessStartInfo OnPostgres(params string[] args)
    {
        var info = FeedhubProcess.StartInfo(db.Directory, args);
        info.Environment["FEEDHUB__Storage__Provider"] = "postgres";
        info.Environment["FEEDHUB__Storage__ConnectionString"] = target;
        return info;
    }

    [Fact]
    public async Task Another_kind_of_target_exits_2()
    {
        var result = await Migrate("--to", "mysql", "--db", db.Path, "--connection", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'mysql'", result.Stderr);
    }

    [Fact]
    public async Task No_target_database_exits_2_naming_both_ways_to_give_one()
    {
        var result = await Migrate("--to", "postgres", "--db", db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no target database: pass --connection", result.Stderr);
        Assert.Contains("Storage:ConnectionString", result.Stderr);
    }

    [Fact]
    public async Task An_unreadable_connection_string_exits_2_naming_the_flag_without_the_password()
    {
        var result = await Migrate("--to", "postgres", "--db", db.Path, "--connection", "Host=127.0.0.1;Port=notaport;Password=s3cret");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--connection", result.Stderr);
        Assert.DoesNotContain("s3cret", result.Stderr);
    }

    [Fact]
    public async Task A_missing_sqlite_file_exits_2_and_is_not_created()
    {
        var missing = Path.Combine(db.Directory, "none", "feedhub.db");

        var result = await Migrate("--to", "postgres", "--db", missing, "--connection", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"no SQLite database at {missing}", result.Stderr);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_target_holding_another_stores_data_exits_2()
    {
        var other = new TempDatabase();
        await other.InitializeAsync();
        await other.CommitAsync(TestItems.Write("kab-pati", 1, TestItems.WibTime(1, 9)));
        SqliteConnection.ClearAllPools();
        Assert.Equal(0, (await Migrate("--to", "postgres", "--db", other.Path, "--connection", target)).ExitCode);
        await other.DisposeAsync();

        var result = await Migrate("--to", "postgres", "--db", db.Path, "--connection", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("already holds data not copied from this SQLite file", result.Stderr);
    }
}
