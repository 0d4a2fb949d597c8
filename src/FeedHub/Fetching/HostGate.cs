using System.Collections.Concurrent;

namespace FeedHub.Fetching;

/// <summary>
/// Keeps FeedHub polite to each site: one request in flight per host, a minimum gap between the end of
/// one request and the start of the next, and a Retry-After "not before" instant; different hosts run in
/// parallel up to <see cref="FetchOptions.MaxParallelHosts"/>. One instance is shared by every request of
/// the process, robots.txt included, or the limits mean nothing.
/// </summary>
public sealed class HostGate
{
    /// <summary>The longest a server's Retry-After may silence a host; longer values are clamped.</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<string, HostSlot> hosts = new();
    private readonly SemaphoreSlim parallelHosts;
    private readonly TimeSpan minHostGap;
    private readonly TimeProvider time;

    public HostGate(FetchOptions options, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallelHosts, 1, nameof(options.MaxParallelHosts));
        parallelHosts = new SemaphoreSlim(options.MaxParallelHosts, options.MaxParallelHosts);
        minHostGap = options.MinHostGap;
        this.time = time;
    }

    /// <summary>The gate's key of a URL: its host and port, lowercase (scheme-independent, like the server).</summary>
    public static string HostKey(Uri url) => $"{url.IdnHost}:{url.Port}".ToLowerInvariant();

    /// <summary>
    /// Waits until a request to <paramref name="url"/>'s host may start; dispose the lease when the response
    /// body has been read, which starts the host's gap.
    /// </summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var slot = hosts.GetOrAdd(HostKey(url), _ => new HostSlot());
        await slot.InFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var wait = slot.NotBefore - time.GetUtcNow(); wait > TimeSpan.Zero; wait = slot.NotBefore - time.GetUtcNow())
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            await parallelHosts.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            slot.InFlight.Release();
            throw;
        }
        return new Lease(this, slot);
    }

    /// <summary>Keeps every request away from <paramref name="url"/>'s host for <paramref name="delay"/> (at most <see cref="MaxDeferral"/>).</summary>
    public void Defer(Uri url, TimeSpan delay)
    {
        var bounded = delay > MaxDeferral ? MaxDeferral : delay;
        hosts.GetOrAdd(HostKey(url), _ => new HostSlot()).PushNotBefore(time.GetUtcNow() + bounded);
    }

    private void Leave(HostSlot slot)
    {
        slot.PushNotBefore(time.GetUtcNow() + minHostGap);
        parallelHosts.Release();
        slot.InFlight.Release();
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

    private sealed class Lease(HostGate gate, HostSlot slot) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
                gate.Leave(slot);
        }
    }
}
