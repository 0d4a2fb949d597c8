using FeedHub.Monitoring;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Tests.Storage;

namespace FeedHub.Tests.Monitoring;

/// <summary>The quiet rule over stored items, with the clock moved by a fake time provider.</summary>
public sealed class StatusBoardTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static Source Source(string id) => new()
    {
        Id = id, Name = "KPU " + id, Region = "jawa-tengah", Url = new Uri($"https://{id}.kpu.go.id"),
        Profile = new Profile { Name = "kpu-blog" },
    };

    private StatusBoard Board(CrawlMetrics? metrics = null) => new(_db.Activity, _db.States, _db.Time, new QuietRule(), metrics);

    /// <summary>Stores one post every <paramref name="gap"/>, the newest at the fake clock's now, with a successful run.</summary>
    private async Task PostsEvery(string source, TimeSpan gap, int count)
    {
        var now = _db.Time.GetUtcNow();
        await _db.CommitAsync([.. Enumerable.Range(1, count).Select(i => TestItems.Write(source, i, now - gap * (count - i)))]);
        await _db.States.SaveAsync(SourceState.New(source) with { LastAttempt = now, LastSuccess = now });
    }

    private async Task<SourceStatus> StatusAfter(string source, TimeSpan silence)
    {
        _db.Time.Advance(silence);
        await _db.States.SaveAsync(SourceState.New(source) with { LastAttempt = _db.Time.GetUtcNow(), LastSuccess = _db.Time.GetUtcNow() });
        return (await Board().EvaluateAsync([Source(source)]))[0].Health.Status;
    }

    [Fact]
    public async Task A_weekly_poster_is_not_quiet_two_days_after_its_last_post()
    {
        await PostsEvery("kab-wonosobo", TimeSpan.FromDays(7), 8);

        Assert.Equal(SourceStatus.Ok, await StatusAfter("kab-wonosobo", TimeSpan.FromDays(2)));
    }

    [Fact]
    public async Task A_weekly_poster_is_quiet_after_more_than_three_weeks()
    {
        await PostsEvery("kab-wonosobo", TimeSpan.FromDays(7), 8);

        Assert.Equal(SourceStatus.Quiet, await StatusAfter("kab-wonosobo", TimeSpan.FromDays(22)));
    }

    [Fact]
    public async Task A_daily_poster_is_quiet_after_the_floor()
    {
        await PostsEvery("kota-semarang", TimeSpan.FromDays(1), 30);

        Assert.Equal(SourceStatus.Quiet, await StatusAfter("kota-semarang", TimeSpan.FromDays(3.5)));
    }

    [Fact]
    public async Task Reports_configured_sources_in_order_with_pending_for_those_never_crawled()
    {
        await PostsEvery("kab-blora", TimeSpan.FromDays(1), 5);

        var reports = await Board().EvaluateAsync([Source("kab-rembang"), Source("kab-blora")]);

        Assert.Equal([("kab-rembang", SourceStatus.Pending), ("kab-blora", SourceStatus.Ok)],
            reports.Select(r => (r.Source.Id, r.Health.Status)));
        Assert.Equal(StatusBoard.ActivityDays, reports[1].Activity!.PerDay.Count);
    }
}
