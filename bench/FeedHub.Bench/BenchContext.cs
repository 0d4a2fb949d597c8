namespace FeedHub.Bench;

/// <summary>
/// What sections of one run share, built once on first use: crawl sessions by scale (the crawl and
/// warm sections read the same ones) and the synthetic store (storage and serving read the same one).
/// </summary>
internal sealed class BenchContext(BenchOptions options, ResultTable results, TextWriter progress) : IAsyncDisposable
{
    private readonly Dictionary<int, Task<CrawlSession>> sessions = [];
    private SyntheticStore? store;

    public BenchOptions Options { get; } = options;
    /// <summary>Median uncached render time of the combined feed by store size, for the growth target.</summary>
    public Dictionary<int, double> RenderP50 { get; } = [];
    public ResultTable Results { get; } = results;
    public TextWriter Progress { get; } = progress;

    /// <summary>(sites, articles per site) of the crawl scales: the real 36 and a national 550.</summary>
    public IReadOnlyList<(int Sites, int Articles)> CrawlScales =>
        Options.Sites?.Select(s => (s, Options.Quick ? 6 : 30)).ToList() ?? (Options.Quick ? [(3, 6)] : [(36, 30), (550, 30)]);

    /// <summary>Item counts the store is grown to, in order.</summary>
    public IReadOnlyList<int> StoreSizes => Options.Quick ? [1_000, 10_000] : [10_000, 100_000, 1_000_000];

    public Task<CrawlSession> CrawlAsync(int sites, int articles, CancellationToken ct)
    {
        if (!sessions.TryGetValue(sites, out var session))
        {
            Progress.WriteLine($"crawl: {sites} sites × {articles} articles, cold then warm, then the plain download floor…");
            sessions[sites] = session = CrawlSession.RunAsync(sites, articles, Options.InProcess, ct);
        }
        return session;
    }

    public async Task<SyntheticStore> StoreAsync(CancellationToken ct) => store ??= await SyntheticStore.CreateAsync(Progress, ct);

    public ValueTask DisposeAsync()
    {
        store?.Dispose();
        return ValueTask.CompletedTask;
    }
}
