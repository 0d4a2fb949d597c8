using System.Data.Common;
using Dapper;
using FeedHub.Fetching;

namespace FeedHub.Storage;

/// <summary>Per-source scheduling and health state, and the conditional-GET validators of fetched URLs.</summary>
public sealed class SourceStateStore(FeedHubDatabase database)
{
    private const string Columns = """
        source_id AS SourceId, last_attempt AS LastAttempt, last_success AS LastSuccess, last_error AS LastError,
        last_failure_kind AS LastFailureKind, consecutive_failures AS ConsecutiveFailures,
        failing_since AS FailingSince, next_due AS NextDue, backfill_position AS BackfillPosition
        """;

    private const string Upsert = """
        INSERT INTO sources_state (source_id, last_attempt, last_success, last_error, last_failure_kind,
            consecutive_failures, failing_since, next_due, backfill_position)
        VALUES (@SourceId, @LastAttempt, @LastSuccess, @LastError, @LastFailureKind,
            @ConsecutiveFailures, @FailingSince, @NextDue, @BackfillPosition)
        ON CONFLICT (source_id) DO UPDATE SET
            last_attempt = excluded.last_attempt, last_success = excluded.last_success,
            last_error = excluded.last_error, last_failure_kind = excluded.last_failure_kind,
            consecutive_failures = excluded.consecutive_failures, failing_since = excluded.failing_since,
            next_due = excluded.next_due, backfill_position = excluded.backfill_position;
        """;

    /// <summary>The stored state, or null for a source never saved.</summary>
    public Task<SourceState?> GetAsync(string sourceId, CancellationToken cancellationToken = default) =>
        database.RunAsync($"reading the state of source '{sourceId}'", connection =>
            connection.QuerySingleOrDefaultAsync<SourceState?>(new CommandDefinition(
                $"SELECT {Columns} FROM sources_state WHERE source_id = @SourceId;",
                new { SourceId = sourceId }, cancellationToken: cancellationToken)));

    public Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<SourceState>>("reading all source states", async connection =>
            (await connection.QueryAsync<SourceState>(new CommandDefinition(
                $"SELECT {Columns} FROM sources_state ORDER BY source_id;", cancellationToken: cancellationToken))).AsList());

    /// <summary>Saves a state outside a crawl (the scheduler moving NextDue or backing off).</summary>
    public Task SaveAsync(SourceState state, CancellationToken cancellationToken = default) =>
        database.WriteAsync($"saving the state of source '{state.SourceId}'", connection =>
            connection.ExecuteAsync(new CommandDefinition(Upsert, Parameters(state), cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Stored validators of the given URLs; URLs never stored are absent.</summary>
    public Task<IReadOnlyDictionary<string, Validators>> GetValidatorsAsync(
        IEnumerable<string> urls, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyDictionary<string, Validators>>("reading validators", async connection =>
        {
            var found = new Dictionary<string, Validators>(StringComparer.Ordinal);
            foreach (var chunk in urls.Distinct().Chunk(500))
            {
                var rows = await connection.QueryAsync<ValidatorRow>(new CommandDefinition(
                    $"SELECT url AS Url, etag AS ETag, last_modified AS LastModified FROM validators WHERE {database.Dialect.In("url", "Urls")};",
                    new { Urls = chunk }, cancellationToken: cancellationToken));
                foreach (var row in rows)
                    found[row.Url] = new Validators(row.ETag, row.LastModified);
            }
            return found;
        });

    /// <summary>The upsert a run's commit shares, inside its transaction.</summary>
    internal static Task UpsertAsync(
        DbConnection connection, DbTransaction transaction, SourceState state, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Upsert, Parameters(state), transaction, cancellationToken: cancellationToken));

    private static object Parameters(SourceState state) => new
    {
        state.SourceId, state.LastAttempt, state.LastSuccess, state.LastError,
        LastFailureKind = state.LastFailureKind.ToString(), state.ConsecutiveFailures, state.FailingSince,
        state.NextDue, state.BackfillPosition,
    };

    private sealed record ValidatorRow(string Url, string? ETag, string? LastModified);
}
