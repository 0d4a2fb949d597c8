using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>The store contract, run on every provider (<see cref="OnSqlite"/>, <see cref="OnPostgres"/>).</summary>
public abstract class ItemStoreMonthsTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private readonly TempDatabase _db = new(provider: provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<IReadOnlyList<DateOnly>> MonthsAsync(ItemFilter filter) =>
        _db.Items.MonthsAsync(filter, Wib, CancellationToken.None);

    [Fact]
    public async Task Lists_the_months_holding_items_newest_first_each_once()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 9, 3, 9, 0, 0, Wib)),
            TestItems.Write("kab-blora", 2, new DateTimeOffset(2025, 11, 20, 9, 0, 0, Wib)),
            TestItems.Write("kab-blora", 3, new DateTimeOffset(2025, 11, 21, 14, 0, 0, Wib)));
        Assert.Equal([new DateOnly(2025, 11, 1), new DateOnly(2025, 9, 1)], await MonthsAsync(new ItemFilter()));
    }

    [Fact]
    public async Task Reads_published_times_at_the_given_offset_not_UTC()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 11, 30, 18, 0, 0, TimeSpan.Zero)));
        Assert.Equal([new DateOnly(2025, 12, 1)], await MonthsAsync(new ItemFilter()));
    }

    [Fact]
    public async Task Keeps_to_the_filter_and_to_items_published_before_until()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 10, 3, 9, 0, 0, Wib)),
            TestItems.Write("kab-blora", 2, new DateTimeOffset(2025, 12, 1, 0, 0, 0, Wib)));
        await _db.CommitAsync(TestItems.Write("kab-kudus", 1, new DateTimeOffset(2025, 11, 3, 9, 0, 0, Wib)));
        var filter = new ItemFilter { SourceIds = ["kab-blora"], Until = new DateTimeOffset(2025, 12, 1, 0, 0, 0, Wib) };
        Assert.Equal([new DateOnly(2025, 10, 1)], await MonthsAsync(filter));
    }

    public sealed class OnSqlite() : ItemStoreMonthsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ItemStoreMonthsTests(StoreProvider.Postgres);
}
