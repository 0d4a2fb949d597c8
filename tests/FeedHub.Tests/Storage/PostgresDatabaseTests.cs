using FeedHub.Storage;
using Npgsql;

namespace FeedHub.Tests.Storage;

public sealed class PostgresDatabaseTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider: StoreProvider.Postgres);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _db.DisposeAsync();

    private string Location => _db.Database.Location;

    [Fact]
    public async Task Initialise_creates_every_table_and_index_and_marks_the_database()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);

        var names = _db.Strings("""
            SELECT tablename FROM pg_tables WHERE schemaname = 'public'
            UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1;
            """);
        Assert.Superset(new HashSet<string>
        {
            "meta", "sources_state", "items", "validators", "fetch_log",
            "items_newest", "items_by_source", "items_changed", "items_search", "fetch_log_by_source",
        }, names.ToHashSet());
        Assert.Equal((long)PostgresMigrations.Latest, _db.Scalar<long>("SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal((long)Migrations.ApplicationId, _db.Scalar<long>("SELECT value FROM meta WHERE key = 'feedhub'"));
    }

    [Fact]
    public async Task No_table_takes_the_prefix_of_quartz_tables()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);

        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'qrtz%'"));
    }

    [Fact]
    public async Task Initialise_twice_keeps_schema_and_data()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);
        await _db.CommitAsync(TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10)));

        await Node().InitialiseAsync(CancellationToken.None);

        Assert.Equal((long)PostgresMigrations.Latest, _db.Scalar<long>("SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(1L, _db.Scalar<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Nodes_starting_together_migrate_once()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Node()).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.InitialiseAsync(CancellationToken.None))));

        Assert.Equal(1L, _db.Scalar<long>("SELECT count(*) FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(0L, _db.Scalar<long>("SELECT value FROM meta WHERE key = 'change_stamp'"));
    }

    [Fact]
    public async Task Refuses_a_database_holding_another_applications_tables_without_touching_it()
    {
        _db.Execute("CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders VALUES (1);");

        var error = await Assert.ThrowsAsync<StorageException>(() => _db.Database.InitialiseAsync(CancellationToken.None));

        Assert.Contains(Location, error.Message);
        Assert.Contains("another application", error.Message);
        Assert.Contains("orders", error.Message);
        Assert.Equal(new[] { "orders" }, _db.Strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Refuses_a_foreign_meta_table()
    {
        _db.Execute("CREATE TABLE meta (name text, setting text);");

        var error = await Assert.ThrowsAsync<StorageException>(() => _db.Database.InitialiseAsync(CancellationToken.None));

        Assert.Contains("another application", error.Message);
    }

    [Fact]
    public async Task Quartz_tables_already_in_the_schema_are_not_foreign()
    {
        _db.Execute("CREATE TABLE qrtz_locks (sched_name text, lock_name text);");

        await _db.Database.InitialiseAsync(CancellationToken.None);

        Assert.Equal((long)PostgresMigrations.Latest, _db.Scalar<long>("SELECT value FROM meta WHERE key = 'schema_version'"));
    }

    [Fact]
    public async Task Refuses_a_schema_newer_than_the_code_knows()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);
        _db.Execute("UPDATE meta SET value = 99 WHERE key = 'schema_version'");

        var error = await Assert.ThrowsAsync<StorageException>(() => Node().InitialiseAsync(CancellationToken.None));

        Assert.Contains(Location, error.Message);
        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public void Location_names_host_port_and_database_but_never_the_password()
    {
        var connection = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Password = "s3cret-pw" };

        var database = new PostgresDatabase(connection, _db.Time);

        Assert.Equal($"PostgreSQL {connection.Host}:{connection.Port}/{connection.Database}", database.Location);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_storage_error_naming_it_and_what_we_were_doing()
    {
        var connection = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Port = FreePort(), Password = "s3cret-pw", Timeout = 2 };
        var database = new PostgresDatabase(connection, _db.Time);

        var error = await Assert.ThrowsAsync<StorageException>(() => database.InitialiseAsync(CancellationToken.None));

        Assert.Contains($"{connection.Host}:{connection.Port}/{connection.Database}", error.Message);
        Assert.Contains("applying migrations", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
    }

    [Fact]
    public async Task Health_names_a_schema_dropped_while_running()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);
        _db.Execute("DROP TABLE meta;");

        var problem = await _db.Database.WriteProblemAsync();

        Assert.Contains(Location, problem);
    }

    [Fact]
    public async Task Health_reports_the_last_failed_write_until_a_write_succeeds()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);
        _db.Execute("ALTER TABLE sources_state RENAME TO sources_state_away;");
        await Assert.ThrowsAsync<StorageException>(() => _db.States.SaveAsync(SourceState.New("kab-blora")));

        Assert.Contains("the last write failed", await _db.Database.WriteProblemAsync());

        _db.Execute("ALTER TABLE sources_state_away RENAME TO sources_state;");
        await _db.States.SaveAsync(SourceState.New("kab-blora"));
        Assert.Null(await _db.Database.WriteProblemAsync());
    }

    [Fact]
    public async Task Backup_and_integrity_check_point_to_the_servers_tools()
    {
        await _db.Database.InitialiseAsync(CancellationToken.None);

        var backup = await Assert.ThrowsAsync<StorageException>(() => _db.Database.BackupAsync(Path.Combine(_db.Directory, "copy.db"), CancellationToken.None));
        var integrity = await Assert.ThrowsAsync<StorageException>(() => _db.Database.IntegrityCheckAsync());

        Assert.Contains("pg_dump", backup.Message);
        Assert.Contains(Location, integrity.Message);
    }

    [Fact]
    public async Task Busy_timeout_becomes_the_sessions_lock_timeout()
    {
        var database = new PostgresDatabase(new NpgsqlConnectionStringBuilder(_db.ConnectionString), _db.Time,
            new StorageLimits { BusyTimeout = TimeSpan.FromSeconds(2) });

        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW lock_timeout;";

        Assert.Equal("2s", await command.ExecuteScalarAsync());
    }

    private PostgresDatabase Node() => new(new NpgsqlConnectionStringBuilder(_db.ConnectionString), _db.Time);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
