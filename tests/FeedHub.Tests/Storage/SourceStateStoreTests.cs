using FeedHub.Fetching;
using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>The store contract, run on every provider (<see cref="OnSqlite"/>, <see cref="OnPostgres"/>).</summary>
public abstract class SourceStateStoreTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider: provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Saved_state_reads_back_with_every_field()
    {
        var state = new SourceState
        {
            SourceId = "kab-kendal",
            LastAttempt = TestItems.WibTime(8, 10),
            LastSuccess = TestItems.WibTime(7, 10),
            LastError = "HTTP 503 from https://kab-kendal.kpu.go.id/blog/category/104",
            LastFailureKind = FailureKind.Fetch,
            ConsecutiveFailures = 4,
            FailingSince = TestItems.WibTime(7, 22),
            NextDue = TestItems.WibTime(8, 12),
            BackfillPosition = "{\"104\":12}",
        };

        await _db.States.SaveAsync(state);

        Assert.Equal(state, await _db.States.GetAsync("kab-kendal"));
    }

    [Fact]
    public async Task Saving_again_replaces_the_state()
    {
        await _db.States.SaveAsync(SourceState.New("kab-kendal") with { ConsecutiveFailures = 2 });

        await _db.States.SaveAsync(SourceState.New("kab-kendal") with { NextDue = TestItems.WibTime(8, 12) });

        Assert.Equal(
            [SourceState.New("kab-kendal") with { NextDue = TestItems.WibTime(8, 12) }],
            await _db.States.GetAllAsync());
    }

    [Fact]
    public async Task Unknown_source_has_no_state()
    {
        Assert.Null(await _db.States.GetAsync("kab-tidak-ada"));
    }

    [Fact]
    public async Task Validators_are_returned_only_for_stored_urls()
    {
        const string list = "https://kab-blora.kpu.go.id/index.php/blog/category/104?page=1";
        await _db.Items.CommitAsync(new SourceRun
        {
            SourceId = "kab-blora",
            State = SourceState.New("kab-blora"),
            Validators = new Dictionary<string, Validators> { [list] = new(null, "Mon, 08 Dec 2025 03:00:00 GMT") },
        }, CancellationToken.None);

        var found = await _db.States.GetValidatorsAsync([list, "https://kab-blora.kpu.go.id/blog/read/1"]);

        Assert.Equal(new Validators(null, "Mon, 08 Dec 2025 03:00:00 GMT"), Assert.Single(found).Value);
    }

    public sealed class OnSqlite() : SourceStateStoreTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SourceStateStoreTests(StoreProvider.Postgres);
}
