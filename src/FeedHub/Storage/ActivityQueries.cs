using Dapper;

namespace FeedHub.Storage;

/// <summary>Items published on one calendar day of the dashboard's zone.</summary>
public sealed record DayCount(DateOnly Day, int Count);

/// <summary>The newest stored item of a source, as the dashboard links it.</summary>
public sealed record NewestItem(string Id, string Title, DateTimeOffset Published, string Link);

/// <summary>What a source has published lately, from stored items' published times.</summary>
/// <param name="PerDay">One entry per day of the window, oldest first, ending with "today" in the zone.</param>
/// <param name="RecentPublished">Published times of the last 90 days, newest first (for the median-gap rule).</param>
public sealed record SourceActivity(
    string SourceId,
    IReadOnlyList<DayCount> PerDay,
    int PublishedLast7Days,
    int PublishedLast30Days,
    NewestItem? Newest,
    IReadOnlyList<DateTimeOffset> RecentPublished);

/// <summary>Read-only figures for the monitoring dashboard.</summary>
public sealed class ActivityQueries(FeedHubDatabase database)
{
    /// <summary>How far back published times are returned for the median-gap rule.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(90);

    /// <summary>
    /// One record per source id found in sources_state or items. Day boundaries are those of
    /// <paramref name="zone"/> (WIB for KPU sites); counts look back from <paramref name="now"/>.
    /// </summary>
    public Task<IReadOnlyList<SourceActivity>> GetSourceStatsAsync(
        DateTimeOffset now, TimeZoneInfo zone, int days = 14, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<SourceActivity>>("reading source activity", async connection =>
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var firstDay = today.AddDays(1 - days);
            var lookBack = TimeSpan.FromDays(Math.Max(RecentWindow.TotalDays, days + 1));
            var sourceIds = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT source_id FROM sources_state UNION SELECT DISTINCT source_id FROM items ORDER BY 1;",
                cancellationToken: cancellationToken));
            var published = (await connection.QueryAsync<PublishedRow>(new CommandDefinition("""
                SELECT source_id AS SourceId, published AS Published FROM items
                WHERE published_utc >= @FromUtc ORDER BY published_utc DESC;
                """, new { FromUtc = (now - lookBack).ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)))
                .ToLookup(row => row.SourceId, row => row.Published);

            var activity = new List<SourceActivity>();
            foreach (var sourceId in sourceIds)
            {
                var times = published[sourceId].ToList();
                var countByDay = times.CountBy(t => DayIn(t, zone)).ToDictionary();
                var perDay = Enumerable.Range(0, days)
                    .Select(offset => firstDay.AddDays(offset))
                    .Select(day => new DayCount(day, countByDay.GetValueOrDefault(day)))
                    .ToList();
                var newest = await connection.QuerySingleOrDefaultAsync<NewestItem>(new CommandDefinition("""
                    SELECT id AS Id, title AS Title, published AS Published, link AS Link FROM items
                    WHERE source_id = @SourceId ORDER BY published_utc DESC, id DESC LIMIT 1;
                    """, new { SourceId = sourceId }, cancellationToken: cancellationToken));
                activity.Add(new SourceActivity(
                    sourceId,
                    perDay,
                    times.Count(t => t >= now - TimeSpan.FromDays(7)),
                    times.Count(t => t >= now - TimeSpan.FromDays(30)),
                    newest,
                    times.Where(t => t >= now - RecentWindow).ToList()));
            }
            return activity;
        });

    /// <summary>The latest fetch log entries of a source, newest first.</summary>
    public Task<IReadOnlyList<FetchLogEntry>> GetRecentFetchesAsync(
        string sourceId, int limit, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<FetchLogEntry>>($"reading the fetch log of source '{sourceId}'", async connection =>
        {
            var rows = await connection.QueryAsync<FetchLog.Row>(new CommandDefinition($"""
                SELECT {FetchLog.Columns} FROM fetch_log WHERE source_id = @SourceId
                ORDER BY started_utc DESC, id DESC LIMIT @Limit;
                """, new { SourceId = sourceId, Limit = Math.Max(limit, 1) }, cancellationToken: cancellationToken));
            return rows.Select(row => row.ToEntry()).ToList();
        });

    private static DateOnly DayIn(DateTimeOffset time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime);

    private sealed record PublishedRow(string SourceId, DateTimeOffset Published);
}
