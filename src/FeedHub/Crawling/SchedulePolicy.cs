using FeedHub.Fetching;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Crawling;

/// <summary>
/// Decides when each source runs next. Pure: the caller supplies "now", and jitter comes from the
/// injected <see cref="Random"/>, so schedules are tested with a fake clock and a seeded random.
/// Jitter keeps 36 sources from hitting their sites in the same second; backoff keeps a broken site
/// from being hammered while never giving up on it.
/// </summary>
/// <param name="random">Jitter source; <see cref="Random.Shared"/> in production, seeded in tests.</param>
/// <param name="startWindow">New and overdue sources start within min(interval, this); <see cref="DefaultStartWindow"/> when null.</param>
public sealed class SchedulePolicy(Random random, TimeSpan? startWindow = null)
{
    /// <summary>The longest a failing source waits between attempts (unless its own interval is longer).</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>New and overdue sources start within min(interval, this) of startup, not all at once.</summary>
    public static readonly TimeSpan DefaultStartWindow = TimeSpan.FromMinutes(2);

    /// <summary>Every delay is varied by up to ± this fraction.</summary>
    public const double JitterFraction = 0.1;

    /// <summary>The longest new and overdue sources wait for their first run (bounded by each source's interval).</summary>
    public TimeSpan StartWindow { get; } = startWindow ?? DefaultStartWindow;

    /// <summary>
    /// The first run of a source when the worker starts or the source is added: its stored next-due time
    /// when that is still ahead (a restart resumes the schedule), otherwise a random moment in the
    /// <see cref="StartWindow"/> (a source never seen, or overdue after downtime, runs once soon — not in a burst, not skipped).
    /// A stored time further out than the source could ever wait (its interval shrank in feeds.json, or the
    /// clock jumped back) is replaced by one fresh interval from now.
    /// </summary>
    public DateTimeOffset FirstRun(Source source, SourceState? state, DateTimeOffset now)
    {
        if (state?.NextDue is not { } due || due <= now)
            return now + Fraction(Min(source.Interval, StartWindow));
        var longest = state.ConsecutiveFailures > 0 ? BackoffCap(source.Interval) : source.Interval * (1 + JitterFraction);
        return due - now <= longest ? due : now + Jittered(source.Interval);
    }

    /// <summary>
    /// The run after one that ended with <paramref name="consecutiveFailures"/> failures in a row (0: it
    /// succeeded): one interval ± jitter on success, <see cref="Backoff"/> ± jitter (capped) on failure; a
    /// server's Retry-After (<paramref name="retryAt"/>, capped like the fetcher caps it) wins when later.
    /// </summary>
    public DateTimeOffset NextRun(Source source, int consecutiveFailures, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        var delay = consecutiveFailures <= 0
            ? Jittered(source.Interval)
            : Min(Jittered(Backoff(source.Interval, consecutiveFailures)), BackoffCap(source.Interval));
        var next = now + delay;
        if (retryAt is { } asked)
        {
            var bounded = asked - now > HostGate.MaxDeferral ? now + HostGate.MaxDeferral : asked;
            if (bounded > next) next = bounded;
        }
        return next;
    }

    /// <summary>The delay after <paramref name="failures"/> failures in a row, before jitter: interval × 2^(failures−1), capped.</summary>
    public static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        if (failures <= 1) return interval;
        var cap = BackoffCap(interval);
        var doubled = interval.Ticks * Math.Pow(2, Math.Min(failures - 1, 30));
        return doubled >= cap.Ticks ? cap : TimeSpan.FromTicks((long)doubled);
    }

    private static TimeSpan BackoffCap(TimeSpan interval) => interval > MaxBackoff ? interval : MaxBackoff;

    private TimeSpan Jittered(TimeSpan delay) => delay * (1 + JitterFraction * (2 * NextDouble() - 1));

    private TimeSpan Fraction(TimeSpan window) => TimeSpan.FromTicks((long)(window.Ticks * NextDouble()));

    private double NextDouble()
    {
        lock (random) return random.NextDouble();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
