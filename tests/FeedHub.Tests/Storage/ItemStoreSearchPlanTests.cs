using FeedHub.Normalisation;
using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>
/// A search is ordered by date and limited inside the database. On SQLite a common word walks the newest-first
/// index and stops at the limit, a rare one looks its few matches up; on PostgreSQL the planner chooses.
/// Either way, on every provider, the answer is the same.
/// </summary>
public abstract class ItemStoreSearchPlanTests(StoreProvider provider) : IAsyncLifetime
{
    private const int Items = 2400;
    private static readonly DateTimeOffset First = new(2024, 1, 1, 8, 0, 0, TestItems.Wib);

    private protected readonly TempDatabase _db = new(provider: provider);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        // Keys are committed out of date order (as a backfill does), so key order is not date order; two of
        // every three mention "pemilih", every 500th "disabilitas"; several items share each minute.
        var writes = Enumerable.Range(1, Items).Select(n => TestItems.Write("kab-blora", n,
            First.AddMinutes((n * 7919L % Items) / 3),
            title: n % 500 == 0 ? "Sosialisasi Pemilih Disabilitas" : n % 3 == 0 ? "Rapat Pleno" : "Pemutakhiran Data Pemilih",
            content: "<p>Kegiatan KPU Kabupaten Blora.</p>"));
        await _db.CommitAsync(writes.ToArray());
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_common_word_gives_the_newest_matches_up_to_the_limit()
    {
        var found = await _db.Items.QueryAsync(new ItemFilter { Text = "pemilih", Limit = 50 }, CancellationToken.None);

        Assert.Equal(await ExpectedAsync(n => n % 3 != 0 || n % 500 == 0, 50), found.Select(i => i.Id));
    }

    [Fact]
    public async Task A_rare_word_gives_its_few_matches_newest_first()
    {
        var found = await _db.Items.QueryAsync(new ItemFilter { Text = "disabilitas", Limit = 50 }, CancellationToken.None);

        Assert.Equal(await ExpectedAsync(n => n % 500 == 0, 50), found.Select(i => i.Id));
        Assert.Equal(Items / 500, found.Count);
    }

    [Fact]
    public async Task Paging_a_common_word_visits_every_match_once_in_order()
    {
        var seen = new List<string>();
        for (ItemCursor? before = null; ;)
        {
            var page = await _db.Items.QueryAsync(new ItemFilter { Text = "pemilih", Limit = 200, Before = before }, CancellationToken.None);
            if (page.Count == 0)
                break;
            seen.AddRange(page.Select(i => i.Id));
            before = new ItemCursor(page[^1].Published, page[^1].Id);
        }

        Assert.Equal(await ExpectedAsync(n => n % 3 != 0 || n % 500 == 0, Items), seen);
        Assert.Equal(seen.Count, await _db.Items.CountAsync(new ItemFilter { Text = "pemilih" }, CancellationToken.None));
    }

    /// <summary>The ids of the matching items by published time and id, newest first, from an unfiltered read.</summary>
    private async Task<IReadOnlyList<string>> ExpectedAsync(Func<int, bool> matches, int limit)
    {
        var all = new List<Item>();
        for (ItemCursor? before = null; ;)
        {
            var page = await _db.Items.QueryAsync(new ItemFilter { Limit = ItemStore.MaxLimit, Before = before }, CancellationToken.None);
            if (page.Count == 0)
                break;
            all.AddRange(page);
            before = new ItemCursor(page[^1].Published, page[^1].Id);
        }
        return all.Where(i => matches(int.Parse(i.Id.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Take(limit).Select(i => i.Id).ToList();
    }

    public sealed class OnSqlite() : ItemStoreSearchPlanTests(StoreProvider.Sqlite)
    {
        [Fact]
        public async Task A_common_word_walks_the_newest_first_index_without_sorting_its_matches()
        {
            var plan = await _db.Items.QueryPlanAsync(new ItemFilter { Text = "pemilih" }, CancellationToken.None);

            Assert.Contains(plan, step => step.Contains("items_newest", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    public sealed class OnPostgres() : ItemStoreSearchPlanTests(StoreProvider.Postgres);
}
