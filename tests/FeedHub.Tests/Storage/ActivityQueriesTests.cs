using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>The store contract, run on every provider (<see cref="OnSqlite"/>, <see cref="OnPostgres"/>).</summary>
public abstract class ActivityQueriesTests(StoreProvider provider) : IAsyncLifetime
{
    // 8 December 2025, 10:00 WIB.
    private static readonly DateTimeOffset Now = TestItems.WibTime(8, 10);
    private readonly TempDatabase _db = new(provider: provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_item_at_23_30_utc_counts_on_the_next_wib_day()
    {
        // 23:30 UTC on 6 December is 06:30 WIB on 7 December.
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 12, 6, 23, 30, 0, TimeSpan.Zero)));

        var stats = Assert.Single(await _db.Activity.GetSourceStatsAsync(Now, TimeZones.Wib, days: 3));

        Assert.Equal(
            [new DayCount(new DateOnly(2025, 12, 6), 0), new DayCount(new DateOnly(2025, 12, 7), 1), new DayCount(new DateOnly(2025, 12, 8), 0)],
            stats.PerDay);
    }

    [Fact]
    public async Task Counts_items_of_the_last_7_and_30_days()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, Now.AddDays(-1)),
            TestItems.Write("kab-blora", 2, Now.AddDays(-6)),
            TestItems.Write("kab-blora", 3, Now.AddDays(-8)),
            TestItems.Write("kab-blora", 4, Now.AddDays(-29)),
            TestItems.Write("kab-blora", 5, Now.AddDays(-45)));

        var stats = Assert.Single(await _db.Activity.GetSourceStatsAsync(Now, TimeZones.Wib));

        Assert.Equal((2, 4), (stats.PublishedLast7Days, stats.PublishedLast30Days));
        Assert.Equal(5, stats.RecentPublished.Count);
    }

    [Fact]
    public async Task Recent_published_times_cover_90_days_newest_first()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, Now.AddDays(-89)),
            TestItems.Write("kab-blora", 2, Now.AddDays(-3)),
            TestItems.Write("kab-blora", 3, Now.AddDays(-91)));

        var stats = Assert.Single(await _db.Activity.GetSourceStatsAsync(Now, TimeZones.Wib));

        Assert.Equal([Now.AddDays(-3), Now.AddDays(-89)], stats.RecentPublished);
    }

    [Fact]
    public async Task Names_the_newest_item_of_each_source()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, Now.AddDays(-2), title: "Bimtek KPPS"),
            TestItems.Write("kab-blora", 2, Now.AddHours(-1), title: "Rapat Pleno DPT"));

        var stats = Assert.Single(await _db.Activity.GetSourceStatsAsync(Now, TimeZones.Wib));

        Assert.Equal(
            new NewestItem("kab-blora:2", "Rapat Pleno DPT", Now.AddHours(-1), "https://kab-blora.kpu.go.id/blog/read/2_kpu-gelar-rapat-pleno"),
            stats.Newest);
    }

    [Fact]
    public async Task Lists_sources_known_only_by_state_with_no_items()
    {
        await _db.States.SaveAsync(SourceState.New("kab-wonosobo") with { ConsecutiveFailures = 3 });
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, Now.AddDays(-1)));

        var stats = await _db.Activity.GetSourceStatsAsync(Now, TimeZones.Wib);

        Assert.Equal(["kab-blora", "kab-wonosobo"], stats.Select(s => s.SourceId));
        Assert.Null(stats[1].Newest);
        Assert.All(stats[1].PerDay, day => Assert.Equal(0, day.Count));
    }

    public sealed class OnSqlite() : ActivityQueriesTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ActivityQueriesTests(StoreProvider.Postgres);
}
