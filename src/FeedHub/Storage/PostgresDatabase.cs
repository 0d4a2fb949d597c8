using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;

namespace FeedHub.Storage;

/// <summary>
/// FeedHub's data in a PostgreSQL database that several nodes share: checks it is ours, migrates it once
/// however many nodes start together, and opens pooled connections. Writers run concurrently: PostgreSQL
/// locks rows, not the database.
/// </summary>
public sealed class PostgresDatabase : FeedHubDatabase
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="limits">
    /// <see cref="StorageLimits.BusyTimeout"/> becomes the session's <c>lock_timeout</c>: how long a write waits
    /// for a row another node holds. <see cref="StorageLimits.MaxBytes"/> is SQLite's alone (PostgreSQL's
    /// administrator sizes the server's disk).
    /// </param>
    public PostgresDatabase(NpgsqlConnectionStringBuilder connection, TimeProvider time, StorageLimits? limits = null)
        : base(time, SqlDialect.Postgres, oneWriterAtATime: false)
    {
        limits ??= new StorageLimits();
        var configured = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        var lockTimeout = string.Create(CultureInfo.InvariantCulture, $"-c lock_timeout={(long)limits.BusyTimeout.TotalMilliseconds}");
        configured.Options = string.IsNullOrWhiteSpace(configured.Options) ? lockTimeout : configured.Options + " " + lockTimeout;
        Location = string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {configured.Host}:{configured.Port}/{configured.Database ?? configured.Username}");
        _dataSource = NpgsqlDataSource.Create(configured);
    }

    /// <summary>host:port/database; never the password.</summary>
    public override string Location { get; }

    /// <summary>
    /// Under a transaction-scoped advisory lock (two nodes starting together migrate once): refuses a schema
    /// holding another application's tables or a newer FeedHub version, then applies missing migrations.
    /// </summary>
    public override Task InitialiseAsync(CancellationToken cancellationToken) =>
        RunAsync("applying migrations", async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            CommandDefinition Command(string sql, object? parameters = null) =>
                new(sql, parameters, transaction, cancellationToken: cancellationToken);

            await connection.ExecuteAsync(Command("SELECT pg_advisory_xact_lock(@Lock);", new { Lock = PostgresMigrations.MigrationLock }));
            var tables = (await connection.QueryAsync<string>(Command("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND lower(table_name) NOT LIKE @Shared ORDER BY 1;
                """, new { Shared = PostgresMigrations.SharedTablePrefix.Replace("_", "\\_", StringComparison.Ordinal) + "%" }))).AsList();
            var current = tables.Contains("meta") ? await VersionAsync(connection, Command, tables) : 0;
            if (current == 0 && tables.Count > 0)
                throw Foreign(tables);
            if (current > PostgresMigrations.Latest)
                throw new StorageException(
                    $"{Location} has FeedHub schema version {current}, newer than this build knows " +
                    $"({PostgresMigrations.Latest}); run a newer FeedHub or restore a backup made by this version.");
            if (current == PostgresMigrations.Latest)
                return;
            for (var version = (int)current + 1; version <= PostgresMigrations.Latest; version++)
                await connection.ExecuteAsync(Command(PostgresMigrations.Steps[version - 1]));
            await connection.ExecuteAsync(Command("""
                INSERT INTO meta (key, value) VALUES (@MarkerKey, @Marker), (@VersionKey, @Version)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value;
                """, new
            {
                PostgresMigrations.MarkerKey, Marker = (long)Migrations.ApplicationId,
                PostgresMigrations.VersionKey, Version = (long)PostgresMigrations.Latest,
            }));
            await transaction.CommitAsync(cancellationToken);
        });

    public override DbConnection Open()
    {
        try
        {
            return _dataSource.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            throw StorageException.From(e, Location, "opening the database");
        }
    }

    // A failure to connect is explained by RunAsync, naming the operation that needed the connection.
    private protected override async ValueTask<DbConnection> OpenAsync() => await _dataSource.OpenConnectionAsync();

    /// <summary>Commits a probe write (the server's disk, permissions and schema all take part) and reports this process's last failed write.</summary>
    public override async Task<string?> WriteProblemAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var marked = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE meta SET value = value WHERE key = @MarkerKey;", new { PostgresMigrations.MarkerKey }, transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            if (marked == 0)
                return $"{Location} no longer holds FeedHub's schema (dropped or replaced while running?); restart FeedHub";
        }
        catch (NpgsqlException e)
        {
            return StorageException.From(e, Location, "probing a write").Message;
        }
        return LastWriteProblem;
    }

    public override Task<string> IntegrityCheckAsync(CancellationToken cancellationToken = default) =>
        throw new StorageException(
            $"{Location} is a PostgreSQL database: its integrity is the server's (checksums, amcheck); FeedHub checks SQLite files only.");

    public override Task BackupAsync(string target, CancellationToken cancellationToken) =>
        throw new StorageException(
            $"{Location} is a PostgreSQL database: back it up with pg_dump (e.g. pg_dump --format=custom --file=feedhub.dump), " +
            "which takes a consistent snapshot while nodes write; `feedhub backup` copies SQLite files only.");

    private protected override StorageException? Explain(Exception error, string doing) =>
        error is NpgsqlException npgsql ? StorageException.From(npgsql, Location, doing) : null;

    /// <summary>The applied version when <c>meta</c> is FeedHub's; otherwise the schema is refused as foreign.</summary>
    private async Task<long> VersionAsync(
        DbConnection connection, Func<string, object?, CommandDefinition> command, IReadOnlyList<string> tables)
    {
        try
        {
            var marker = await connection.ExecuteScalarAsync<long?>(command(
                "SELECT value FROM meta WHERE key = @MarkerKey;", new { PostgresMigrations.MarkerKey }));
            if (marker != Migrations.ApplicationId)
                throw Foreign(tables);
            return await connection.ExecuteScalarAsync<long?>(command(
                "SELECT value FROM meta WHERE key = @VersionKey;", new { PostgresMigrations.VersionKey })) ?? 0;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.DatatypeMismatch)
        {
            throw Foreign(tables);
        }
    }

    private StorageException Foreign(IReadOnlyList<string> tables) =>
        new($"{Location} holds tables of another application ({tables.Count} in its schema, e.g. " +
            $"{string.Join(", ", tables.Take(5))}; no FeedHub marker in a meta table); FeedHub will not migrate or change it. " +
            "Point Storage:ConnectionString at an empty database (Quartz's qrtz_ tables may share it).");
}
