using FeedHub.Fetching;

namespace FeedHub.Tests.Fetching;

/// <summary>A PoliteFetcher over the production handler, allowed to contact the given test sites.</summary>
internal sealed class TestFetcher : IDisposable
{
    private readonly SocketsHttpHandler handler;

    public TestFetcher(IEnumerable<TestSite> sources, Action<FetchOptions>? tune = null, TimeProvider? time = null)
        : this(sources.Select(s => s.BaseUrl), tune, time)
    {
    }

    public TestFetcher(IEnumerable<Uri> sources, Action<FetchOptions>? tune = null, TimeProvider? time = null)
    {
        Options = new FetchOptions { MinHostGap = TimeSpan.Zero, ObeyRobotsTxt = false, UserAgent = "FeedHub/1.0 (+https://example.org/feedhub)" };
        tune?.Invoke(Options);
        Outbound.Allow(sources);
        handler = PoliteFetcher.CreateHandler(Options, Outbound);
        Fetcher = new PoliteFetcher(handler, Options, Outbound, time ?? TimeProvider.System);
    }

    public FetchOptions Options { get; }
    public OutboundPolicy Outbound { get; } = new();
    public PoliteFetcher Fetcher { get; }

    public Task<FetchResult> GetAsync(Uri url, Validators? validators = null) =>
        Fetcher.FetchAsync(new FetchRequest(url, validators), CancellationToken.None);

    public void Dispose() => handler.Dispose();
}
