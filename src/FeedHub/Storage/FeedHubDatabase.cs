using System.Data.Common;

namespace FeedHub.Storage;

/// <summary>
/// FeedHub's database, whichever provider holds it (<see cref="SqliteDatabase"/>, the embedded default, or
/// <see cref="PostgresDatabase"/>, shared by several nodes): checks it is ours, migrates it and opens
/// connections for the stores, which run the same SQL on both apart from <see cref="SqlDialect"/>'s fragments.
/// </summary>
public abstract class FeedHubDatabase
{
    // Null when the provider takes concurrent writers itself (PostgreSQL).
    private readonly SemaphoreSlim? _writer;
    private volatile string? _writeFailure;

    private protected FeedHubDatabase(TimeProvider time, SqlDialect dialect, bool oneWriterAtATime)
    {
        Time = time;
        Dialect = dialect;
        _writer = oneWriterAtATime ? new SemaphoreSlim(1, 1) : null;
        SqlTypeHandlers.EnsureRegistered();
    }

    /// <summary>Opens the database named by the settings: the SQLite file at <paramref name="sqlitePath"/>, or the PostgreSQL database.</summary>
    /// <exception cref="ArgumentException">The settings are invalid (see <see cref="StorageSettings.Problems"/>).</exception>
    public static FeedHubDatabase Create(StorageSettings settings, string sqlitePath, TimeProvider time, StorageLimits? limits = null) =>
        settings.IsPostgres
            ? new PostgresDatabase(settings.PostgresConnectionString(), time, limits)
            : new SqliteDatabase(sqlitePath, time, limits);

    /// <summary>Where the data lives, for messages: the file's full path, or PostgreSQL host:port/database (never a password).</summary>
    public abstract string Location { get; }

    /// <summary>The clock the stores use for "now" (change times).</summary>
    public TimeProvider Time { get; }

    /// <summary>The SQL that differs between providers.</summary>
    internal SqlDialect Dialect { get; }

    /// <summary>Free space below this (in the file's size limit or on its disk) counts as full: a run's commit would not fit.</summary>
    public const long HealthHeadroomBytes = 1024 * 1024;

    /// <summary>
    /// The error of this process's last write when it failed (a run's commit, a state save); null once a
    /// write succeeds again. What a crawl could not store shows in health even when nothing else can record it.
    /// </summary>
    public string? LastWriteFailure => _writeFailure;

    /// <summary><see cref="LastWriteFailure"/> as <see cref="WriteProblemAsync"/> words it; null when the last write succeeded.</summary>
    private protected string? LastWriteProblem => LastWriteFailure is { } failure ? $"the last write failed: {failure}" : null;

    /// <summary>
    /// Makes the database ready: refuses foreign or newer schemas without touching them and applies
    /// missing migrations.
    /// </summary>
    public abstract Task InitialiseAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection ready for the stores' SQL.</summary>
    /// <exception cref="StorageException">The database cannot be reached.</exception>
    public abstract DbConnection Open();

    /// <summary>Like <see cref="Open"/>, without holding a thread while a provider connects over the network.</summary>
    private protected virtual ValueTask<DbConnection> OpenAsync() => ValueTask.FromResult(Open());

    /// <summary>Whether the database can take writes right now: null if so, else why not, in words.</summary>
    public abstract Task<string?> WriteProblemAsync(CancellationToken cancellationToken = default);

    /// <summary>The provider's integrity check: "ok", or the problems found, one per line.</summary>
    public abstract Task<string> IntegrityCheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a consistent copy of the database to the file <paramref name="target"/> (which must not exist).</summary>
    public abstract Task BackupAsync(string target, CancellationToken cancellationToken);

    /// <summary>The provider's error as a <see cref="StorageException"/> naming <see cref="Location"/>; null for other exceptions.</summary>
    private protected abstract StorageException? Explain(Exception error, string doing);

    /// <summary>Runs one operation on its own connection; provider errors become <see cref="StorageException"/>.</summary>
    internal async Task<T> RunAsync<T>(string doing, Func<DbConnection, Task<T>> work)
    {
        try
        {
            await using var connection = await OpenAsync();
            return await work(connection);
        }
        catch (Exception e) when (Explain(e, doing) is { } explained)
        {
            throw explained;
        }
    }

    internal Task RunAsync(string doing, Func<DbConnection, Task> work) =>
        RunAsync(doing, async connection =>
        {
            await work(connection);
            return true;
        });

    /// <summary>
    /// Like <see cref="RunAsync{T}"/> for work that writes, recording <see cref="LastWriteFailure"/>. On SQLite one
    /// writer of this process at a time, the others waiting asynchronously (see <see cref="SqliteDatabase"/>).
    /// </summary>
    internal async Task<T> WriteAsync<T>(string doing, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_writer is not null)
            await _writer.WaitAsync(cancellationToken);
        try
        {
            var result = await RunAsync(doing, work);
            _writeFailure = null;
            return result;
        }
        catch (StorageException e)
        {
            _writeFailure = e.Message;
            throw;
        }
        finally
        {
            _writer?.Release();
        }
    }
}
