using Microsoft.Data.Sqlite;

namespace FeedHub.Storage;

/// <summary>The database could not be used; the message names the file and what went wrong.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Wraps a SQLite error with what we were doing and what the error code means for an operator.</summary>
    internal static StorageException From(SqliteException error, string path, string doing) =>
        new($"Storage error while {doing} in '{path}': {Explain(error.SqliteErrorCode & 0xFF)} " +
            $"(SQLite error {error.SqliteErrorCode}: {error.Message})", error);

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
