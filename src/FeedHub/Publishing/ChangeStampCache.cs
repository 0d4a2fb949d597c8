using FeedHub.Storage;

namespace FeedHub.Publishing;

/// <summary>
/// The store's change stamp as the renderer sees it. Read from the database at most once per
/// <paramref name="maxAge"/>, and again at once after this process commits a change
/// (<see cref="ItemStore.ChangesCommitted"/>), so a busy reader population costs no database work,
/// the scheduler's crawls show at once, and a crawl by another process (`feedhub crawl` beside
/// `feedhub run`, or another node on a shared PostgreSQL database) shows within <paramref name="maxAge"/>.
/// The commit count only ever forces a read, never skips one, so other writers need nothing more: each node
/// pays at most one primary-key read of <c>meta</c> per <paramref name="maxAge"/> (1 s in `run`). Thread-safe.
/// </summary>
/// <param name="maxAge">How long a stamp read from the database is trusted; zero reads it every time.</param>
public sealed class ChangeStampCache(ItemStore store, TimeProvider time, TimeSpan maxAge)
{
    private Reading? _last;

    public async Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        // Read the commit count before the stamp: a commit in between then forces the next re-read.
        var commits = store.ChangesCommitted;
        var now = time.GetTimestamp();
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Commits == commits && time.GetElapsedTime(last.At, now) < maxAge)
            return last.Stamp;
        var stamp = await store.ChangeStampAsync(cancellationToken);
        Volatile.Write(ref _last, new Reading(stamp, commits, now));
        return stamp;
    }

    private sealed record Reading(long Stamp, long Commits, long At);
}
