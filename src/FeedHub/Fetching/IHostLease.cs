namespace FeedHub.Fetching;

/// <summary>
/// Holds a host for this process against other processes that fetch from the same sites (the nodes of a
/// cluster), so one request per host is in flight across all of them, not just inside one <see cref="HostGate"/>.
/// Without one (a single worker) the gate alone is enough.
/// </summary>
public interface IHostLease
{
    /// <summary>Waits until no other process holds <paramref name="hostKey"/> (a <see cref="HostGate.HostKey"/>), then holds it until disposed.</summary>
    Task<IAsyncDisposable> AcquireAsync(string hostKey, CancellationToken cancellationToken);
}
