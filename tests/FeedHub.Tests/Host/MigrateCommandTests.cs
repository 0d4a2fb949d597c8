using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;

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
    public async Task Takes_the_target_from_Storage_ConnectionString()
    {
        var info = FeedhubProcess.StartInfo(db.Directory, "migrate", "--to", "postgres", "--db", db.Path);
        info.Environment["FEEDHUB__Storage__ConnectionString"] = target;

        var result = await FeedhubProcess.RunAsync(info);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(@"items\s+12 rows: 12 copied", result.Stdout);
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
