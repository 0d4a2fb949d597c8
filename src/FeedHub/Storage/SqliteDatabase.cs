using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace FeedHub.Storage;

/// <summary>
/// The FeedHub SQLite file: checks it is ours, migrates it, and opens configured connections.
/// Connections are opened per operation; Microsoft.Data.Sqlite pools them.
/// </summary>
/// <remarks>
/// SQLite admits one writer at a time and makes the others wait in its busy handler, which sleeps on
/// the calling thread: many sources committing at once then starve the thread pool. Writers of this
/// process queue in <see cref="FeedHubDatabase.WriteAsync{T}"/> instead, without holding a thread.
/// </remarks>
public sealed class SqliteDatabase : FeedHubDatabase
{
    /// <summary>SQLite's default page size, which FeedHub never changes; turns <see cref="StorageLimits.MaxBytes"/> into pages.</summary>
    private const int PageBytes = 4096;
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly string _connectionString;
    private readonly string _pragmas;

    private readonly long? _maxPages;
    private readonly string _healthConnectionString;
    private long? _fileId;

    public SqliteDatabase(string path, TimeProvider time, StorageLimits? limits = null)
        : base(time, SqlDialect.Sqlite, oneWriterAtATime: true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        limits ??= new StorageLimits();
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement itself until the command timeout (30 s by
            // default), on top of SQLite's busy handler; both follow the setting, in whole seconds (0 would mean forever).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(limits.BusyTimeout.TotalSeconds)),
        }.ToString();
        // Health opens the file afresh and never creates it: a pooled connection would still write to a
        // deleted file's inode, and creating would hide that the file is gone.
        _healthConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        _maxPages = limits.MaxBytes is { } maxBytes ? Math.Max(1, maxBytes / PageBytes) : null;
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)limits.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            + (_maxPages is { } pages ? string.Create(CultureInfo.InvariantCulture, $" PRAGMA max_page_count = {pages};") : "");
    }

    /// <summary>Full path of the database file, as named in every error.</summary>
    public string Path { get; }

    public override string Location => Path;

    /// <summary>
    /// Makes the file ready: creates its directory, refuses foreign or newer files without touching
    /// them, applies missing migrations and switches the journal to WAL.
    /// </summary>
    public override async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        await RefuseForeignFileAsync(cancellationToken);
        await RunAsync("applying migrations", async connection =>
        {
            await MigrateAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
            // A random mark of this file, so health can tell it from a file put in its place.
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('file_id', abs(random()));", cancellationToken: cancellationToken));
            _fileId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT value FROM meta WHERE key = 'file_id';", cancellationToken: cancellationToken));
        });
    }

    /// <summary>Opens a connection with the per-connection pragmas set.</summary>
    public override SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _pragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw StorageException.From(e, Path, "opening the database");
        }
    }

    /// <remarks>
    /// Checks that the file at <see cref="Path"/> is still the one opened at start (not deleted or replaced),
    /// commits a probe write (a rolled-back one never reaches the disk), looks for free space within
    /// <c>Storage:MaxBytes</c> and on the disk, and reports the last failed write of this process.
    /// </remarks>
    public override async Task<string?> WriteProblemAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
            return $"'{Path}' no longer exists (deleted while running?); items written now would be lost at restart";
        try
        {
            await using var connection = new SqliteConnection(_healthConnectionString);
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(_pragmas, cancellationToken: cancellationToken));
            var fileId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT value FROM meta WHERE key = 'file_id';", cancellationToken: cancellationToken));
            if (_fileId is { } opened && fileId != opened)
                return $"'{Path}' is no longer the file opened at start (replaced while running?); restart FeedHub";
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE meta SET value = value WHERE key = 'file_id';", transaction: transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }
            if (_maxPages is { } maxPages)
            {
                var used = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count());",
                    cancellationToken: cancellationToken));
                if ((maxPages - used) * PageBytes < HealthHeadroomBytes)
                    return $"'{Path}' is full: {used * PageBytes} of Storage:MaxBytes {maxPages * PageBytes} bytes used";
            }
        }
        catch (SqliteException e)
        {
            return StorageException.From(e, Path, "probing a write").Message;
        }
        var free = new DriveInfo(System.IO.Path.GetDirectoryName(Path)!).AvailableFreeSpace;
        if (free < HealthHeadroomBytes)
            return $"the disk holding '{Path}' is full ({free} bytes free)";
        return LastWriteProblem;
    }

    /// <summary>PRAGMA integrity_check's answer: "ok", or the problems found, one per line.</summary>
    public override Task<string> IntegrityCheckAsync(CancellationToken cancellationToken = default) =>
        RunAsync("checking integrity", async connection =>
        {
            var lines = await connection.QueryAsync<string>(
                new CommandDefinition("PRAGMA integrity_check;", cancellationToken: cancellationToken));
            return string.Join('\n', lines);
        });

    /// <summary>
    /// Writes a consistent, compacted copy of the database to <paramref name="target"/> (which must not
    /// exist) with <c>VACUUM INTO</c>: it reads one snapshot, so it is safe while `run` writes, and the
    /// copy is a single file with everything in the WAL folded in.
    /// </summary>
    public override Task BackupAsync(string target, CancellationToken cancellationToken) =>
        RunAsync("backing up to " + target, connection =>
            connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @target;", new { target }, cancellationToken: cancellationToken)));

    private protected override StorageException? Explain(Exception error, string doing) =>
        error is SqliteException sqlite ? StorageException.From(sqlite, Path, doing) : null;

    private async Task RefuseForeignFileAsync(CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path);
        if (!file.Exists || file.Length == 0)
            return;
        if (!await HasSqliteHeaderAsync(cancellationToken))
            throw new StorageException(
                $"'{Path}' exists but is not a SQLite database; FeedHub will not overwrite it. " +
                "Move it away or point the storage path at a new file.");

        var readOnly = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        try
        {
            await using var connection = new SqliteConnection(readOnly);
            await connection.OpenAsync(cancellationToken);
            var applicationId = await connection.ExecuteScalarAsync<long>("PRAGMA application_id;");
            var version = await connection.ExecuteScalarAsync<long>("PRAGMA user_version;");
            var objects = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master;");
            if (applicationId == Migrations.ApplicationId)
            {
                if (version > Migrations.Latest)
                    throw new StorageException(
                        $"'{Path}' has FeedHub schema version {version}, newer than this build knows " +
                        $"({Migrations.Latest}); run a newer FeedHub or restore a backup made by this version.");
                return;
            }
            if (applicationId != 0 || objects > 0)
                throw new StorageException(
                    $"'{Path}' is a SQLite database of another application (application_id {applicationId}, " +
                    $"{objects} schema objects, no FeedHub marker); FeedHub will not migrate or change it.");
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e, Path, "checking that the file is FeedHub's");
        }
    }

    private async Task<bool> HasSqliteHeaderAsync(CancellationToken cancellationToken)
    {
        var header = new byte[SqliteHeader.Length];
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return read == header.Length && header.AsSpan().SequenceEqual(SqliteHeader);
    }

    private static async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // IMMEDIATE: two processes starting together must not both apply the same step.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition("PRAGMA user_version;", transaction: transaction, cancellationToken: cancellationToken));
        if (current >= Migrations.Latest)
            return;
        for (var version = (int)current + 1; version <= Migrations.Latest; version++)
            await connection.ExecuteAsync(new CommandDefinition(
                Migrations.Steps[version - 1], transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"PRAGMA application_id = {Migrations.ApplicationId}; PRAGMA user_version = {Migrations.Latest};",
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
