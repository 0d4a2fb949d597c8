using Microsoft.Data.Sqlite;
using Npgsql;

namespace FeedHub.Storage;

/// <summary>The database could not be used; the message names the file (or PostgreSQL server and database) and what went wrong.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Wraps a SQLite error with what we were doing and what the error code means for an operator.</summary>
    internal static StorageException From(SqliteException error, string path, string doing) =>
        new($"Storage error while {doing} in '{path}': {Explain(error.SqliteErrorCode & 0xFF)} " +
            $"(SQLite error {error.SqliteErrorCode}: {error.Message})", error);

    /// <summary>Wraps a PostgreSQL or Npgsql error with what we were doing and what it means for an operator.</summary>
    /// <param name="location">host:port/database, never the connection string (it may hold a password).</param>
    internal static StorageException From(NpgsqlException error, string location, string doing) =>
        new($"Storage error while {doing} in {location}: " + (error is PostgresException postgres
            ? $"{Explain(postgres.SqlState)} (PostgreSQL {postgres.SqlState}: {postgres.MessageText})"
            : $"the server could not be reached or dropped the connection ({error.Message})"), error);

    private static string Explain(string sqlState) => sqlState switch
    {
        "53100" => "the server's disk is full.",
        "25006" => "the database is read-only (a standby, or default_transaction_read_only).",
        "40001" or "40P01" => "the write conflicted with another node's (serialization failure or deadlock); the next run retries.",
        "3D000" => "the database does not exist (create it first).",
        "57014" => "the statement was cancelled (statement timeout or shutdown).",
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => "the connection to the server failed.",
        _ when sqlState.StartsWith("28", StringComparison.Ordinal) => "the server refused the login (user or password).",
        _ when sqlState.StartsWith("23", StringComparison.Ordinal) => "a value broke a constraint (missing required field or duplicate key).",
        _ when sqlState.StartsWith("42", StringComparison.Ordinal) => "the schema is not what FeedHub expects, or a permission is missing.",
        _ when sqlState.StartsWith("53", StringComparison.Ordinal) => "the server ran out of resources (connections, memory or disk).",
        _ when sqlState.StartsWith("57", StringComparison.Ordinal) => "the server is shutting down or restarting.",
        _ => "PostgreSQL reported an error.",
    };

    private static string Explain(int primaryCode) => primaryCode switch
    {
        5 => "the database is busy (another process holds a write lock beyond the busy timeout).",
        6 => "a table is locked by another connection.",
        8 => "the database or its directory is read-only.",
        10 => "a disk I/O error occurred.",
        11 => "the database file is corrupt.",
        13 => "the disk is full.",
        14 => "the file cannot be opened (missing directory or no permission).",
        19 => "a value broke a constraint (missing required field or duplicate key).",
        26 => "the file is not a SQLite database.",
        _ => "SQLite reported an error.",
    };
}
