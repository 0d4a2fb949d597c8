namespace FeedHub.Fixtures;

/// <summary>What a <see cref="FixtureFarm"/> serves. The same options and seed always give the same sites.</summary>
public sealed record FarmOptions
{
    /// <summary>
    /// The first 35 sites are the real Central Java regencies and cities, the 36th the province
    /// (<c>jateng</c>); beyond that come synthetic <c>kab-contoh-037</c>, … so benchmarks can scale.
    /// </summary>
    public int SiteCount { get; init; } = 36;
    /// <summary>Articles generated per site and per category.</summary>
    public int ArticlesPerSite { get; init; } = 30;
    public int Seed { get; init; } = 1;
    /// <summary>Article dates are generated before this instant; pass the test's clock so dates stay plausible.</summary>
    public required DateTimeOffset Now { get; init; }
    /// <summary>Clock for Last-Modified, edits and the request log; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? Clock { get; init; }
    /// <summary>Category ids every site lists (docs/kpu-sites.md §3).</summary>
    public IReadOnlyList<int> Categories { get; init; } = [104];
}
