using FeedHub.Fetching;

namespace FeedHub.Storage;

/// <summary>The fetch_log table's SQL: what one request did, for the dashboard and for operators.</summary>
internal static class FetchLog
{
    public const string Insert = """
        INSERT INTO fetch_log (source_id, url, started_at, started_utc, status, outcome, bytes, duration_ms, error)
        VALUES (@SourceId, @Url, @StartedAt, @StartedUtc, @Status, @Outcome, @Bytes, @Duration, @Error);
        """;

    public const string Columns = """
        source_id AS SourceId, url AS Url, started_at AS StartedAt, status AS Status, outcome AS Outcome,
        bytes AS Bytes, duration_ms AS Duration, error AS Error
        """;

    public static object Parameters(FetchLogEntry entry) => new
    {
        entry.SourceId, entry.Url, entry.StartedAt, StartedUtc = entry.StartedAt.ToUnixTimeMilliseconds(),
        entry.Status, Outcome = entry.Outcome.ToString(), entry.Bytes, entry.Duration, entry.Error,
    };

    /// <summary>Dapper binds constructors strictly (SQLite integers are Int64); a settable row converts.</summary>
    public sealed class Row
    {
        public string SourceId { get; init; } = "";
        public string Url { get; init; } = "";
        public DateTimeOffset StartedAt { get; init; }
        public int Status { get; init; }
        public FetchOutcome Outcome { get; init; }
        public long Bytes { get; init; }
        public TimeSpan Duration { get; init; }
        public string? Error { get; init; }

        public FetchLogEntry ToEntry() => new(SourceId, Url, StartedAt, Status, Outcome, Bytes, Duration, Error);
    }
}
