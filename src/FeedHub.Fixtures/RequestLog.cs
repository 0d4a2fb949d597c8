using System.Diagnostics;

namespace FeedHub.Fixtures;

/// <summary>One request a fixture site received.</summary>
/// <param name="Sequence">Arrival order across the farm, from 1.</param>
/// <param name="Host">The site's <c>IP:port</c>.</param>
/// <param name="Status">The status sent, or 0 when no response was started.</param>
/// <param name="Start">Monotonic time since the farm started when the request arrived.</param>
/// <param name="End">Monotonic time when the response finished or the client gave up; null while in flight.</param>
/// <param name="StartedAt">The farm clock's time at arrival.</param>
/// <param name="EndedAt">The farm clock's time at the end; null while in flight.</param>
/// <param name="Aborted">The client went away before the response finished (hang and timeout modes).</param>
public sealed record LoggedRequest(
    long Sequence, string SiteId, string Host, string Method, string PathAndQuery, string? UserAgent,
    bool Conditional, int Status, TimeSpan Start, TimeSpan? End, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    bool Aborted);

/// <summary>
/// Every request the farm received, in arrival order, so tests can check what a crawler did:
/// which pages, how many at once per host, and how far apart. Thread-safe.
/// </summary>
public sealed class RequestLog
{
    private readonly object gate = new();
    private readonly List<LoggedRequest> entries = [];
    private readonly TimeProvider clock;
    private readonly long origin = Stopwatch.GetTimestamp();
    private long sequence;

    internal RequestLog(TimeProvider clock) => this.clock = clock;

    public IReadOnlyList<LoggedRequest> All
    {
        get { lock (gate) return entries.ToArray(); }
    }

    public IReadOnlyList<LoggedRequest> For(string siteId)
    {
        lock (gate) return entries.Where(e => e.SiteId == siteId).ToArray();
    }

    public void Clear()
    {
        lock (gate) entries.Clear();
    }

    /// <summary>The most requests any one host had in flight at the same moment (in-flight ones count as open).</summary>
    public int MaxConcurrencyPerHost()
    {
        var max = 0;
        foreach (var host in All.GroupBy(e => e.Host))
        {
            var events = host
                .SelectMany(e => new[] { (At: e.Start, Delta: 1), (At: e.End ?? TimeSpan.MaxValue, Delta: -1) })
                .OrderBy(e => e.At).ThenBy(e => e.Delta);
            var open = 0;
            foreach (var (_, delta) in events)
            {
                open += delta;
                max = Math.Max(max, open);
            }
        }
        return max;
    }

    /// <summary>
    /// The smallest time between the end of one request and the start of the next on the same host,
    /// over all hosts; null when no host saw two requests. Negative when requests overlapped.
    /// </summary>
    public TimeSpan? MinGapPerHost()
    {
        TimeSpan? min = null;
        foreach (var host in All.GroupBy(e => e.Host))
        {
            TimeSpan? latestEnd = null;
            foreach (var request in host.OrderBy(e => e.Start))
            {
                if (latestEnd is { } end)
                {
                    var gap = end == TimeSpan.MaxValue ? TimeSpan.MinValue : request.Start - end;
                    if (min is null || gap < min) min = gap;
                }
                var thisEnd = request.End ?? TimeSpan.MaxValue;
                latestEnd = latestEnd is { } known && known > thisEnd ? known : thisEnd;
            }
        }
        return min;
    }

    internal Pending Begin(string siteId, string host, string method, string pathAndQuery, string? userAgent, bool conditional)
    {
        LoggedRequest entry;
        lock (gate)
        {
            entry = new LoggedRequest(++sequence, siteId, host, method, pathAndQuery, userAgent, conditional, 0,
                Elapsed(), null, clock.GetUtcNow(), null, false);
            entries.Add(entry);
        }
        return new Pending(this, entry);
    }

    private TimeSpan Elapsed() => Stopwatch.GetElapsedTime(origin);

    private void Complete(LoggedRequest started, int status, bool aborted)
    {
        var done = started with { Status = status, End = Elapsed(), EndedAt = clock.GetUtcNow(), Aborted = aborted };
        lock (gate)
        {
            var index = entries.FindLastIndex(e => e.Sequence == started.Sequence);
            if (index >= 0) entries[index] = done;
        }
    }

    /// <summary>A request that has arrived and not yet been logged as finished.</summary>
    internal sealed class Pending(RequestLog log, LoggedRequest started)
    {
        public long Sequence => started.Sequence;

        public void Finish(int status, bool aborted) => log.Complete(started, status, aborted);
    }
}
