namespace FeedHub.Publishing;

/// <summary>
/// Bounds how many searches read the store at once. A burst of uncached searches past the bound is
/// refused at once (<see cref="SearchBusyException"/>, a 503 with Retry-After) instead of queueing, so
/// it cannot take the cores and connections that health checks and cached feeds need.
/// </summary>
public sealed class SearchGate(int maxConcurrent = SearchGate.DefaultMaxConcurrent)
{
    public const int DefaultMaxConcurrent = 4;

    /// <summary>What a refused search is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _slots = new(
        maxConcurrent > 0 ? maxConcurrent : throw new ArgumentOutOfRangeException(nameof(maxConcurrent), maxConcurrent, "At least one search must be allowed."));

    /// <summary>A slot held until disposed.</summary>
    /// <exception cref="SearchBusyException">Every slot is taken.</exception>
    public IDisposable Enter() =>
        _slots.Wait(TimeSpan.Zero) ? new Slot(_slots) : throw new SearchBusyException(RetryAfter);

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}

/// <summary>Too many searches are running; try again after <see cref="RetryAfter"/>.</summary>
public sealed class SearchBusyException(TimeSpan retryAfter)
    : Exception($"Too many searches are running; try again in {(int)retryAfter.TotalSeconds} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The wait in whole seconds, as HTTP's Retry-After gives it.</summary>
    public string RetryAfterSeconds => ((int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
