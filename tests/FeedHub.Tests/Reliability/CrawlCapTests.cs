using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// A source that lists more than a run should take (a 50k-entry list page, a first crawl of a big site)
/// is read up to the caps, stored in batches while the run goes on, and finished by the next runs.
/// </summary>
public sealed class CrawlCapTests : IAsyncLifetime
{
    private CrawlRig rig = null!;

    public async Task InitializeAsync() => rig = await CrawlRig.StartAsync(siteCount: 1);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task A_list_page_over_the_entry_cap_is_read_up_to_the_cap()
    {
        var report = await CrawlAsync(rig.Fetcher, new CrawlOptions { MaxPages = 1, MaxEntriesPerListPage = 3 });

        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
        Assert.Equal(3, report.New);
        Assert.Equal(3, await StoredCountAsync());
    }

    [Fact]
    public async Task A_run_stops_at_the_article_cap_and_the_next_runs_read_the_rest_of_the_page()
    {
        var page = rig.Site(0).PageSize;
        var capped = new CrawlOptions { MaxPages = 1, MaxArticlesPerRun = 2 };

        var first = await CrawlAsync(rig.Fetcher, capped);
        Assert.Equal(CrawlOutcome.Ok, first.Outcome);
        Assert.Equal(2, first.New);
        for (var run = 1; run < page; run++) await CrawlAsync(rig.Fetcher, capped);

        Assert.Equal(page, await StoredCountAsync());
    }

    [Fact]
    public async Task Batches_committed_before_a_crash_stay_stored()
    {
        var crashing = new CrashingFetcher(rig.Fetcher, crashAtFetch: 6);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CrawlAsync(crashing, new CrawlOptions { MaxPages = 1, CommitEvery = 2 }));

        // Five fetches: the list page and four articles, committed two by two.
        Assert.Equal(4, await StoredCountAsync());
    }

    private Task<CrawlReport> CrawlAsync(IFetcher fetcher, CrawlOptions options) =>
        new SourceCrawler(fetcher, rig.Db.Items, rig.Db.States, rig.Db.Time, NullLogger<SourceCrawler>.Instance)
            .CrawlAsync(rig.Sources[0] with { Categories = [rig.Sources[0].Categories[0]] }, options, CancellationToken.None);

    private async Task<int> StoredCountAsync() =>
        (await rig.Db.Items.QueryAsync(new ItemFilter { Limit = 1000 }, CancellationToken.None)).Count;

    /// <summary>The process dying mid-run: the fetch numbered <c>crashAtFetch</c> never returns.</summary>
    private sealed class CrashingFetcher(IFetcher inner, int crashAtFetch) : IFetcher
    {
        private int fetches;

        public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
            ++fetches >= crashAtFetch ? throw new OperationCanceledException("killed") : inner.FetchAsync(request, cancellationToken);
    }
}
