using FeedHub.Fetching;
using FeedHub.Normalisation;
using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>The store contract, run on every provider (<see cref="OnSqlite"/>, <see cref="OnPostgres"/>).</summary>
public abstract class ItemStoreCommitTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider: provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Counts_new_items_on_first_commit()
    {
        var result = await _db.CommitAsync(
            TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10)),
            TestItems.Write("kab-blora", 8314, TestItems.WibTime(8, 11)));

        Assert.Equal(new CommitResult(2, 0, 0), result);
    }

    [Fact]
    public async Task Counts_a_changed_hash_as_updated_and_stores_the_new_version()
    {
        var first = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        await _db.CommitAsync(first);
        var edited = TestItems.Edited(first, "<p>Rapat pleno diundur ke Selasa.</p>", TestItems.WibTime(9, 8));

        var result = await _db.CommitAsync(edited);

        Assert.Equal(new CommitResult(0, 1, 0), result);
        var stored = await _db.Items.GetAsync(first.Item.Id, CancellationToken.None);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("<p>Rapat pleno diundur ke Selasa.</p>", stored.ContentHtml);
        Assert.Equal(TestItems.WibTime(9, 8), stored.Updated);
    }

    [Fact]
    public async Task Counts_the_same_hash_as_unchanged()
    {
        var write = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        await _db.CommitAsync(write);

        var result = await _db.CommitAsync(write);

        Assert.Equal(new CommitResult(0, 0, 1), result);
    }

    [Fact]
    public async Task Judges_change_by_the_stored_hash_not_the_callers_version()
    {
        var write = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        await _db.CommitAsync(write);

        var result = await _db.CommitAsync(write with { Item = write.Item with { Version = 5 } });

        Assert.Equal(new CommitResult(0, 0, 1), result);
        Assert.Equal(1, (await _db.Items.GetAsync(write.Item.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Fingerprint_only_change_keeps_version_and_content()
    {
        var write = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10), fingerprint: "views:12");
        await _db.CommitAsync(write);

        var result = await _db.Items.CommitAsync(new SourceRun
        {
            SourceId = "kab-blora",
            State = SourceState.New("kab-blora"),
            Fingerprints = new Dictionary<string, string> { [write.Item.Id] = "views:40" },
        }, CancellationToken.None);

        Assert.Equal(new CommitResult(0, 0, 0), result);
        var known = await _db.Items.GetKnownAsync("kab-blora", [new ItemKey(null, write.Slug)], CancellationToken.None);
        Assert.Equal("views:40", known[write.Slug].ListFingerprint);
        Assert.Equal(1, known[write.Slug].Version);
    }

    [Fact]
    public async Task Unchanged_item_takes_the_new_list_fingerprint()
    {
        var write = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10), fingerprint: "a");
        await _db.CommitAsync(write);

        await _db.CommitAsync(write with { ListFingerprint = "b" });

        var known = await _db.Items.GetKnownAsync("kab-blora", [new ItemKey(null, write.Slug)], CancellationToken.None);
        Assert.Equal("b", known[write.Slug].ListFingerprint);
    }

    [Fact]
    public async Task A_failing_item_mid_run_leaves_nothing_written()
    {
        var good = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        var broken = TestItems.Write("kab-blora", 8314, TestItems.WibTime(8, 11));
        broken = broken with { Item = broken.Item with { Title = null! } };
        var run = new SourceRun
        {
            SourceId = "kab-blora",
            Items = [good, broken],
            State = SourceState.New("kab-blora") with { LastSuccess = TempDatabase.Start },
            Fetches = [Fetch("kab-blora", "https://kab-blora.kpu.go.id/blog/category/104")],
            Validators = new Dictionary<string, Validators> { ["https://kab-blora.kpu.go.id/blog/category/104"] = new("\"abc\"", null) },
        };

        var error = await Assert.ThrowsAsync<StorageException>(() => _db.Items.CommitAsync(run, CancellationToken.None));

        Assert.Contains("kab-blora", error.Message);
        foreach (var table in new[] { "items", "sources_state", "fetch_log", "validators" })
            Assert.Equal(0L, _db.Scalar<long>($"SELECT count(*) FROM {table}"));
        Assert.Equal(0L, _db.SearchRows());
        Assert.Equal(0L, await _db.Items.ChangeStampAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_commit_leaves_nothing_written()
    {
        using var cancel = new CancellationTokenSource();
        var items = Enumerable.Range(1, 50).Select(n => TestItems.Write("kab-blora", n, TestItems.WibTime(8, 10))).ToList();
        var run = new SourceRun
        {
            SourceId = "kab-blora",
            Items = new CancelsAfter(items, 10, cancel),
            State = SourceState.New("kab-blora"),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _db.Items.CommitAsync(run, cancel.Token));

        Assert.Equal(0L, _db.Scalar<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Stores_state_fetch_log_and_validators_of_the_run()
    {
        var url = "https://kab-kudus.kpu.go.id/blog/category/104";
        await _db.Items.CommitAsync(new SourceRun
        {
            SourceId = "kab-kudus",
            State = SourceState.New("kab-kudus") with { LastAttempt = TestItems.WibTime(8, 10), ConsecutiveFailures = 0 },
            Fetches = [Fetch("kab-kudus", url)],
            Validators = new Dictionary<string, Validators> { [url] = new("W/\"5f2\"", "Mon, 08 Dec 2025 03:00:00 GMT") },
        }, CancellationToken.None);

        Assert.Equal(TestItems.WibTime(8, 10), (await _db.States.GetAsync("kab-kudus"))!.LastAttempt);
        Assert.Equal(new Validators("W/\"5f2\"", "Mon, 08 Dec 2025 03:00:00 GMT"), (await _db.States.GetValidatorsAsync([url]))[url]);
        Assert.Equal(Fetch("kab-kudus", url), Assert.Single(await _db.Activity.GetRecentFetchesAsync("kab-kudus", 10)));
    }

    [Fact]
    public async Task Known_items_are_found_by_slug_within_their_source()
    {
        var blora = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10), fingerprint: "f1");
        await _db.CommitAsync(blora);
        await _db.CommitAsync(TestItems.Write("kab-kudus", 8313, TestItems.WibTime(8, 10)));

        var known = await _db.Items.GetKnownAsync("kab-blora", [new ItemKey(null, blora.Slug), new ItemKey("9999", "tidak-ada")], CancellationToken.None);

        var item = Assert.Single(known).Value;
        Assert.Equal(
            new KnownItem("kab-blora:8313", blora.Slug, blora.Item.Link, blora.Item.ContentHash, "f1",
                TestItems.WibTime(8, 10), blora.Item.DateSource, TempDatabase.Start, 1, "Berita", blora.Item.Title, blora.Item.ContentHtml),
            item);
    }

    [Fact]
    public async Task An_item_seen_again_under_a_new_id_but_the_same_slug_keeps_its_stored_id()
    {
        var first = TestItems.Write("kab-grobogan", 1, TestItems.WibTime(8, 10));
        await _db.CommitAsync(first);

        var result = await _db.CommitAsync(first with { Item = first.Item with { Id = "kab-grobogan:apel-padi" } });

        Assert.Equal(new CommitResult(0, 0, 1), result);
        Assert.Null(await _db.Items.GetAsync("kab-grobogan:apel-padi", CancellationToken.None));
    }

    [Fact]
    public async Task A_moved_item_gets_its_new_link_and_category_without_a_new_version()
    {
        var first = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        await _db.CommitAsync(first);
        var stampBefore = await _db.Items.ChangeStampAsync(CancellationToken.None);
        var link = "https://kab-blora.kpu.go.id/berita/baca/8313/kpu-gelar-rapat-pleno";
        var moved = first.Item with
        {
            Link = link, Category = "Sosialisasi", ContentHash = ContentHash.Of(link, first.Item.Title, first.Item.ContentHtml),
        };

        var result = await _db.CommitAsync(new ItemWrite(moved, first.Slug, "f2", SameContentAs: first.Item.ContentHash));

        Assert.Equal(new CommitResult(0, 0, 1), result);
        var stored = await _db.Items.GetAsync(first.Item.Id, CancellationToken.None);
        Assert.Equal((link, "Sosialisasi", 1, (DateTimeOffset?)null), (stored!.Link, stored.Category, stored.Version, stored.Updated));
        Assert.Equal(moved.ContentHash, stored.ContentHash);
        Assert.True(await _db.Items.ChangeStampAsync(CancellationToken.None) > stampBefore);
    }

    [Fact]
    public async Task A_move_judged_against_an_older_hash_than_stored_is_an_update()
    {
        var first = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        await _db.CommitAsync(first);
        var edited = TestItems.Edited(first, "<p>Rapat pleno diundur ke Selasa.</p>", TestItems.WibTime(9, 8));

        var result = await _db.CommitAsync(edited with { SameContentAs = "a hash the store no longer holds" });

        Assert.Equal(new CommitResult(0, 1, 0), result);
    }

    [Fact]
    public async Task Known_items_are_found_by_their_id_under_another_url_form_and_slug()
    {
        var stored = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        await _db.CommitAsync(stored);

        var known = await _db.Items.GetKnownAsync("kab-blora", [new ItemKey("8313", "kpu-gelar-rapat-pleno-rekapitulasi")], CancellationToken.None);

        Assert.Equal("kab-blora:8313", known["kpu-gelar-rapat-pleno-rekapitulasi"].Id);
    }

    [Fact]
    public async Task Change_stamp_bumps_only_when_items_really_change()
    {
        var write = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));

        await _db.CommitAsync(write);
        var afterInsert = await _db.Items.ChangeStampAsync(CancellationToken.None);
        await _db.CommitAsync(write with { ListFingerprint = "views:99" });
        var afterUnchanged = await _db.Items.ChangeStampAsync(CancellationToken.None);
        await _db.CommitAsync(TestItems.Edited(write, "<p>Ralat jadwal.</p>", TestItems.WibTime(9, 8)));
        var afterUpdate = await _db.Items.ChangeStampAsync(CancellationToken.None);

        Assert.Equal([1L, 1L, 2L], [afterInsert, afterUnchanged, afterUpdate]);
    }

    [Fact]
    public async Task Last_change_is_the_time_of_the_last_real_write()
    {
        var write = TestItems.Write("kab-blora", 8313, TestItems.WibTime(8, 10));
        await _db.CommitAsync(write);
        _db.Time.Advance(TimeSpan.FromHours(1));
        await _db.CommitAsync(write);
        _db.Time.Advance(TimeSpan.FromHours(1));
        await _db.CommitAsync(TestItems.Write("kab-kudus", 1, TestItems.WibTime(8, 9)));

        Assert.Equal(TempDatabase.Start, await _db.Items.LastChangeAsync(new ItemFilter { SourceIds = ["kab-blora"] }));
        Assert.Equal(TempDatabase.Start.AddHours(2), await _db.Items.LastChangeAsync(new ItemFilter()));
    }

    [Fact]
    public async Task Prune_deletes_items_published_before_the_cutoff_with_their_search_rows()
    {
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(1, 10), title: "Sosialisasi lama"),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10)));
        var stampBefore = await _db.Items.ChangeStampAsync(CancellationToken.None);

        var deleted = await _db.Items.PruneAsync(TestItems.WibTime(5, 0), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await _db.Items.GetAsync("kab-blora:1", CancellationToken.None));
        Assert.Equal(1L, _db.SearchRows());
        Assert.Empty(await _db.Items.QueryAsync(new ItemFilter { Text = "lama" }, CancellationToken.None));
        Assert.Equal(stampBefore + 1, await _db.Items.ChangeStampAsync(CancellationToken.None));
    }

    private static FetchLogEntry Fetch(string sourceId, string url) =>
        new(sourceId, url, TestItems.WibTime(8, 10), 200, FetchOutcome.Ok, 48213, TimeSpan.FromMilliseconds(830), null);

    /// <summary>Hands out the run's items and cancels the token once <c>count</c> of them were taken.</summary>
    private sealed class CancelsAfter(IReadOnlyList<ItemWrite> items, int count, CancellationTokenSource cancel)
        : IReadOnlyList<ItemWrite>
    {
        public ItemWrite this[int index] => items[index];
        public int Count => items.Count;

        public IEnumerator<ItemWrite> GetEnumerator()
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (i == count)
                    cancel.Cancel();
                yield return items[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed class OnSqlite() : ItemStoreCommitTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ItemStoreCommitTests(StoreProvider.Postgres);
}
