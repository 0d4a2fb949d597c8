using FeedHub.Crawling;
using FeedHub.Storage;

namespace FeedHub.Tests.Scheduling;

public class SourceBackfillTests
{
    [Fact]
    public async Task Backfill_walks_older_list_pages_and_stores_how_deep_it_got()
    {
        await using var rig = await WorkerRig.StartAsync(sites: 1, articles: 40);
        var backfill = new SourceBackfill(rig.Crawler, rig.States);

        var result = await backfill.RunAsync(rig.Sources[0], pages: 2, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(2, result.Position[104]);
        Assert.Equal("{\"104\":2}", (await rig.States.GetAsync(rig.Sources[0].Id))!.BackfillPosition);
        Assert.Equal(2 * rig.Farm.Sites[0].PageSize, result.New);
    }

    [Fact]
    public async Task Backfill_keeps_the_configured_entry_cap_per_list_page()
    {
        await using var rig = await WorkerRig.StartAsync(sites: 1, articles: 40);
        var backfill = new SourceBackfill(rig.Crawler, rig.States, new CrawlOptions { MaxEntriesPerListPage = 3 });

        var result = await backfill.RunAsync(rig.Sources[0], pages: 1, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(3, result.New);
    }

    [Fact]
    public async Task A_second_backfill_resumes_from_the_stored_page_instead_of_starting_over()
    {
        await using var rig = await WorkerRig.StartAsync(sites: 1, articles: 40);
        var backfill = new SourceBackfill(rig.Crawler, rig.States);
        await backfill.RunAsync(rig.Sources[0], pages: 2, CancellationToken.None);
        rig.Farm.Log.Clear();

        var result = await backfill.RunAsync(rig.Sources[0], pages: 2, CancellationToken.None);

        var listPages = rig.Farm.Log.All.Select(r => r.PathAndQuery).Where(p => p.Contains("/blog/category/", StringComparison.Ordinal)).Distinct();
        Assert.Equal(["/index.php/blog/category/104?page=2", "/index.php/blog/category/104?page=3", "/index.php/blog/category/104?page=4"], listPages.Order());
        Assert.Equal(4, result.Position[104]);
    }

    [Fact]
    public async Task Backfill_past_the_oldest_page_ends_without_failing_the_source()
    {
        await using var rig = await WorkerRig.StartAsync(sites: 1, articles: 12);
        var site = rig.Farm.Sites[0];
        var lastPage = (site.Articles.Count + site.PageSize - 1) / site.PageSize;
        var steps = new List<BackfillStep>();

        var result = await new SourceBackfill(rig.Crawler, rig.States).RunAsync(rig.Sources[0], pages: 50, CancellationToken.None, steps.Add);

        Assert.Null(result.Error);
        Assert.Equal(lastPage, result.Position[104]);
        Assert.Equal(50, steps.Sum(s => s.Steps));
        Assert.Equal(0, (await rig.States.GetAsync(site.Id))!.ConsecutiveFailures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    public void An_unreadable_position_starts_over(string? stored) => Assert.Empty(BackfillPosition.Parse(stored));

    [Fact]
    public void Positions_round_trip_through_their_stored_form()
    {
        var position = new Dictionary<int, int> { [105] = 3, [104] = 12 };

        Assert.Equal("{\"104\":12,\"105\":3}", BackfillPosition.Format(position));
        Assert.Equal(position, BackfillPosition.Parse(BackfillPosition.Format(position)));
    }
}
