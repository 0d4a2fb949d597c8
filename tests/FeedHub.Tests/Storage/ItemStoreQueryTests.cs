using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>The store contract, run on every provider (<see cref="OnSqlite"/>, <see cref="OnPostgres"/>).</summary>
public abstract class ItemStoreQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider: provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Returns_newest_first_with_id_breaking_ties()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(7, 9)),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 10)),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10)));

        var items = await _db.Items.QueryAsync(new ItemFilter(), CancellationToken.None);

        Assert.Equal(["kab-blora:3", "kab-blora:2", "kab-blora:1"], items.Select(i => i.Id));
    }

    [Fact]
    public async Task Orders_by_the_instant_not_the_offset_text()
    {
        // 09:00 WITA is 08:00 WIB: earlier than 08:30 WIB although its local clock reads later.
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, new DateTimeOffset(2025, 12, 8, 9, 0, 0, TimeSpan.FromHours(8))));
        await _db.CommitAsync(TestItems.Write("kab-kudus", 2, TestItems.WibTime(8, 8, 30)));

        var items = await _db.Items.QueryAsync(new ItemFilter(), CancellationToken.None);

        Assert.Equal(["kab-kudus:2", "kab-blora:1"], items.Select(i => i.Id));
    }

    [Fact]
    public async Task Keyset_paging_walks_every_item_exactly_once()
    {
        // Many items share a minute, as on a busy list page; paging must not skip or repeat them.
        var writes = Enumerable.Range(1, 47)
            .Select(n => TestItems.Write(n % 2 == 0 ? "kab-blora" : "kab-kudus", n, TestItems.WibTime(8, 10 + n % 4)))
            .ToArray();
        await _db.CommitAsync(writes.Where(w => w.Item.SourceId == "kab-blora").ToArray());
        await _db.CommitAsync(writes.Where(w => w.Item.SourceId == "kab-kudus").ToArray());

        var seen = new List<string>();
        ItemCursor? before = null;
        while (true)
        {
            var page = await _db.Items.QueryAsync(new ItemFilter { Limit = 5, Before = before }, CancellationToken.None);
            if (page.Count == 0)
                break;
            seen.AddRange(page.Select(i => i.Id));
            before = new ItemCursor(page[^1].Published, page[^1].Id);
        }

        Assert.Equal(writes.Select(w => w.Item.Id).Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(2, 2)]
    [InlineData(10_000, 3)]
    public async Task Limit_is_clamped_between_one_and_the_maximum(int limit, int expected)
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10)),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 11)));

        var items = await _db.Items.QueryAsync(new ItemFilter { Limit = limit }, CancellationToken.None);

        Assert.Equal(expected, items.Count);
    }

    [Fact]
    public async Task Filters_by_source_ids()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        await _db.CommitAsync(TestItems.Write("kab-kudus", 2, TestItems.WibTime(8, 10)));
        await _db.CommitAsync(TestItems.Write("kab-kendal", 3, TestItems.WibTime(8, 11)));

        var items = await _db.Items.QueryAsync(new ItemFilter { SourceIds = ["kab-blora", "kab-kendal"] }, CancellationToken.None);

        Assert.Equal(["kab-kendal:3", "kab-blora:1"], items.Select(i => i.Id));
    }

    [Fact]
    public async Task Filters_by_category_ignoring_case()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), category: "Berita"),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10), category: "Opini"),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 11), category: null));

        var items = await _db.Items.QueryAsync(new ItemFilter { Category = "berita" }, CancellationToken.None);

        Assert.Equal(["kab-blora:1"], items.Select(i => i.Id));
    }

    [Fact]
    public async Task Filters_by_published_since_inclusive()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9, 59)),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10)),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 11)));

        var filter = new ItemFilter { Since = TestItems.WibTime(8, 10) };

        Assert.Equal(["kab-blora:3", "kab-blora:2"], (await _db.Items.QueryAsync(filter, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal(2, await _db.Items.CountAsync(filter, CancellationToken.None));
    }

    [Theory]
    [InlineData("rekapitulasi", new[] { 1, 2 })]
    [InlineData("Sosialisasi Pemilih", new[] { 2 })]
    [InlineData("pemilih pemula", new[] { 2 })]
    [InlineData("\"pemilih pemula\"", new[] { 2 })]
    [InlineData("\"pemula pemilih\"", new int[0])]
    [InlineData("kecamatan", new[] { 3 })]
    [InlineData("PENGUMUMAN", new[] { 3 })]
    [InlineData("penghitungan", new[] { 1 })]
    [InlineData("coklit", new int[0])]
    public async Task Text_search_matches_words_and_phrases_in_title_and_content(string text, int[] expected)
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), title: "Rapat Pleno Rekapitulasi",
                content: "<p>Hasil <strong>penghitungan</strong> suara tingkat kabupaten.</p>"),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10), title: "Sosialisasi Rekapitulasi untuk Pemilih",
                content: "<p>KPU mengajak pemilih pemula di SMA&nbsp;N 1 Blora.</p>"),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 11), title: "Pengumuman Seleksi PPK",
                content: "<p>Panitia Pemilihan Kecamatan</p><p>tahap wawancara.</p>"));

        var items = await _db.Items.QueryAsync(new ItemFilter { Text = text }, CancellationToken.None);

        Assert.Equal(expected.Select(n => $"kab-blora:{n}").Reverse(), items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("\"pemilih pemula")]
    [InlineData("pemilih OR pemula NOT")]
    [InlineData("title:pemilih")]
    [InlineData("pemi*")]
    [InlineData("(pemilih")]
    [InlineData("pemilih & pemula | !blora")]
    [InlineData("pemilih <-> pemula:*")]
    [InlineData("NEAR(pemilih pemula)")]
    [InlineData("'pemilih' \\ ;")]
    public async Task Search_syntax_typed_by_a_reader_never_fails_the_query(string text)
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), title: "Sosialisasi untuk Pemilih",
            content: "<p>KPU mengajak pemilih pemula di Blora.</p>"));

        var items = await _db.Items.QueryAsync(new ItemFilter { Text = text }, CancellationToken.None);

        Assert.True(items.Count <= 1);
        Assert.Equal(items.Count, await _db.Items.CountAsync(new ItemFilter { Text = text }, CancellationToken.None));
    }

    [Fact]
    public async Task Text_search_indexes_content_without_tags()
    {
        await _db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9),
            content: "<p class=\"lead\">Blora</p><img src=\"https://kab-blora.kpu.go.id/images/strong.jpg\" alt=\"\">"));

        Assert.Empty(await _db.Items.QueryAsync(new ItemFilter { Text = "lead" }, CancellationToken.None));
        Assert.Single(await _db.Items.QueryAsync(new ItemFilter { Text = "blora" }, CancellationToken.None));
    }

    [Fact]
    public async Task Text_search_follows_an_update()
    {
        var write = TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), content: "<p>Jadwal lama.</p>");
        await _db.CommitAsync(write);

        await _db.CommitAsync(TestItems.Edited(write, "<p>Jadwal baru.</p>", TestItems.WibTime(9, 8)));

        Assert.Empty(await _db.Items.QueryAsync(new ItemFilter { Text = "lama" }, CancellationToken.None));
        Assert.Single(await _db.Items.QueryAsync(new ItemFilter { Text = "baru" }, CancellationToken.None));
    }

    [Theory]
    [InlineData("\"pemilu 2024\" AND")]
    [InlineData("\"pemilu 2024")]
    [InlineData("pemilu OR NOT")]
    [InlineData("title:pemilu")]
    [InlineData("pemilu*")]
    [InlineData("(pemilu")]
    [InlineData("NEAR(pemilu 2024)")]
    [InlineData("-pemilu ^2024")]
    [InlineData("\"\"\"")]
    [InlineData("*")]
    public async Task Hostile_search_syntax_does_not_throw(string text)
    {
        await _db.CommitAsync(TestItems.Write("kab-cilacap", 1, TestItems.WibTime(8, 9),
            title: "Gencarkan Sosialisasi Menyambut Pemilu 2024"));

        var items = await _db.Items.QueryAsync(new ItemFilter { Text = text }, CancellationToken.None);
        var count = await _db.Items.CountAsync(new ItemFilter { Text = text }, CancellationToken.None);

        Assert.Equal(items.Count, count);
    }

    [Fact]
    public async Task Published_offset_and_all_fields_survive_a_round_trip()
    {
        var write = TestItems.Write("kab-blora", 8313, new DateTimeOffset(2025, 12, 8, 14, 5, 30, TimeSpan.FromHours(7)));
        await _db.CommitAsync(write);

        var stored = await _db.Items.GetAsync("kab-blora:8313", CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(7), stored!.Published.Offset);
        Assert.Equal(write.Item with { Tags = stored.Tags }, stored);
        Assert.Equal(write.Item.Tags, stored.Tags);
        Assert.Equal("2025-12-08T14:05:30+07:00", _db.Scalar<string>("SELECT published FROM items"));
    }

    [Fact]
    public async Task Count_ignores_paging()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10)));

        var count = await _db.Items.CountAsync(
            new ItemFilter { Limit = 1, Before = new ItemCursor(TestItems.WibTime(8, 10), "kab-blora:2") }, CancellationToken.None);

        Assert.Equal(2, count);
    }

    public sealed class OnSqlite() : ItemStoreQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ItemStoreQueryTests(StoreProvider.Postgres);
}
