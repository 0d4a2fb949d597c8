using System.Collections.Concurrent;

namespace FeedHub.Fetching;

/// <summary>
/// Keeps FeedHub polite to each site: one request in flight per host, a minimum gap between the end of
/// one request and the start of the next, and a Retry-After "not before" instant; different hosts run in
/// parallel up to <see cref="FetchOptions.MaxParallelHosts"/>. One instance is shared by every request of
/// the process, robots.txt included, or the limits mean nothing. With an <see cref="IHostLease"/> (several
/// workers sharing the sites) each request also holds its host across processes, and keeps holding it for
/// the minimum gap after it ends, so the gap holds between workers too.
/// </summary>
public sealed class HostGate
{
    /// <summary>The longest a server's Retry-After may silence a host; longer values are clamped.</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<string, HostSlot> hosts = new();
    private readonly SemaphoreSlim parallelHosts;
    private readonly TimeSpan minHostGap;
    private readonly TimeProvider time;
    private readonly IHostLease? lease;

    public HostGate(FetchOptions options, TimeProvider time, IHostLease? lease = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallelHosts, 1, nameof(options.MaxParallelHosts));
        parallelHosts = new SemaphoreSlim(options.MaxParallelHosts, options.MaxParallelHosts);
        minHostGap = options.MinHostGap;
        this.time = time;
        this.lease = lease;
    }

    /// <summary>The gate's key of a URL: its host and port, lowercase (scheme-independent, like the server).</summary>
    public static string HostKey(Uri url) => $"{url.IdnHost}:{url.Port}".ToLowerInvariant();

    /// <summary>
    /// Waits until a request to <paramref name="url"/>'s host may start; dispose the lease when the response
    /// body has been read, which starts the host's gap.
    /// </summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var key = HostKey(url);
        var slot = hosts.GetOrAdd(key, _ => new HostSlot());
        await slot.InFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? held = null;
        try
        {
            for (var wait = slot.NotBefore - time.GetUtcNow(); wait > TimeSpan.Zero; wait = slot.NotBefore - time.GetUtcNow())
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            if (lease is not null) held = await lease.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
            await parallelHosts.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (held is not null) await held.DisposeAsync().ConfigureAwait(false);
            slot.InFlight.Release();
            throw;
        }
        return new Lease(this, slot, held);
    }

    /// <summary>Keeps every request away from <paramref name="url"/>'s host for <paramref name="delay"/> (at most <see cref="MaxDeferral"/>).</summary>
    public void Defer(Uri url, TimeSpan delay)
    {
        var bounded = delay > MaxDeferral ? MaxDeferral : delay;
        hosts.GetOrAdd(HostKey(url), _ => new HostSlot()).PushNotBefore(time.GetUtcNow() + bounded);
    }

    private void Leave(HostSlot slot, IAsyncDisposable? held)
    {
        slot.PushNotBefore(time.GetUtcNow() + minHostGap);
        if (held is not null) _ = ReleaseAfterGapAsync(held);
        parallelHosts.Release();
        slot.InFlight.Release();
    }

    /// <summary>Other workers may start on the host once its gap has passed, as this one may.</summary>
    private async Task ReleaseAfterGapAsync(IAsyncDisposable held)
    {
        try
        {
            await Task.Delay(minHostGap, time).ConfigureAwait(false);
        }
        finally
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class HostSlot
    {
        private DateTimeOffset notBefore = DateTimeOffset.MinValue;

        public SemaphoreSlim InFlight { get; } = new(1, 1);

        public DateTimeOffset NotBefore
        {
            get { lock (InFlight) return notBefore; }
        }

        public void PushNotBefore(DateTimeOffset instant)
        {
            lock (InFlight)
                if (instant > notBefore)
                    notBefore = instant;
        }
    }

    private sealed class Lease(HostGate gate, HostSlot slot, IAsyncDisposable? held) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
                gate.Leave(slot, held);
        }
    }
}
