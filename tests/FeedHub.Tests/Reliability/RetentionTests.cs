using System.Diagnostics;
using FeedHub.Host.Composition;
using FeedHub.Normalisation;
using FeedHub.Storage;
using FeedHub.Tests.Host;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Reliability;

/// <summary>Items older than an age can be pruned, by `feedhub prune` or Retention:MaxAge, and history paging stays consistent.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly TempDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task Paging_through_history_across_a_prune_neither_repeats_nor_skips_and_ends_at_the_cutoff()
    {
        var stored = await StoreDailyItemsAsync(30);
        var seen = new List<string>();
        var filter = new ItemFilter { Limit = 7 };
        for (var page = 0; page < 2; page++)
        {
            var items = await db.Items.QueryAsync(filter, CancellationToken.None);
            seen.AddRange(items.Select(i => i.Id));
            filter = filter with { Before = new ItemCursor(items[^1].Published, items[^1].Id) };
        }
        var stamp = await db.Items.ChangeStampAsync(CancellationToken.None);

        var pruned = await db.Items.PruneAsync(stored[19].Published, CancellationToken.None);
        for (IReadOnlyList<Item> items; (items = await db.Items.QueryAsync(filter, CancellationToken.None)).Count > 0;)
        {
            seen.AddRange(items.Select(i => i.Id));
            filter = filter with { Before = new ItemCursor(items[^1].Published, items[^1].Id) };
        }

        Assert.Equal(10, pruned);
        Assert.Equal(stored.Take(20).Select(i => i.Id), seen);
        Assert.True(await db.Items.ChangeStampAsync(CancellationToken.None) > stamp, "feeds must see that items changed");
        Assert.Equal(20, await db.Items.CountAsync(new ItemFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task Retention_removes_only_items_published_before_now_minus_the_age()
    {
        await StoreDailyItemsAsync(30);
        var clock = new FakeTimeProvider(TestItems.WibTime(30, 12));

        var (pruned, cutoff) = await new Retention(db.Items, clock).PruneAsync(TimeSpan.FromDays(10), CancellationToken.None);

        var left = await db.Items.QueryAsync(new ItemFilter { Limit = 100 }, CancellationToken.None);
        Assert.Equal(TestItems.WibTime(20, 12), cutoff);
        Assert.Equal(30 - left.Count, pruned);
        Assert.All(left, i => Assert.True(i.Published >= cutoff, $"{i.Id} published {i.Published:O}"));
        Assert.Contains(left, i => i.Published == TestItems.WibTime(20, 12));
    }

    [Theory]
    [InlineData("365d", 365 * 24)]
    [InlineData(" 30d ", 30 * 24)]
    [InlineData("2.12:00:00", 60)]
    public void Reads_ages_in_days_or_as_time_spans(string text, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), Retention.ParseAge(text, "--older-than"));

    [Theory]
    [InlineData("setahun")]
    [InlineData("0d")]
    [InlineData("-5d")]
    [InlineData("365")]
    public void Refuses_ages_that_are_not_positive_durations_naming_the_setting(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => Retention.ParseAge(text, "Retention:MaxAge"));

        Assert.Contains("Retention:MaxAge", error.Message);
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public async Task Prune_command_deletes_old_items_by_flag_or_by_Retention_MaxAge()
    {
        await db.CommitAsync(
            TestItems.Write("kab-blora", 1, new DateTimeOffset(2001, 3, 5, 9, 0, 0, TestItems.Wib)),
            TestItems.Write("kab-blora", 2, new DateTimeOffset(2011, 3, 5, 9, 0, 0, TestItems.Wib)),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(5, 9)));
        SqliteConnection.ClearAllPools();

        var byFlag = await FeedhubProcess.RunAsync(db.Directory, "prune", "--db", db.Path, "--older-than", "7300d");
        var byConfig = StartInfo("prune", "--db", db.Path);
        byConfig.Environment["FEEDHUB__Retention__MaxAge"] = "3650d";
        var bySetting = await FeedhubProcess.RunAsync(byConfig);

        Assert.True(byFlag.ExitCode == 0, byFlag.Stderr);
        Assert.StartsWith("pruned 1 item(s) published before ", byFlag.Stdout);
        Assert.True(bySetting.ExitCode == 0, bySetting.Stderr);
        Assert.StartsWith("pruned 1 item(s)", bySetting.Stdout);
        Assert.Equal(["kab-blora:3"], (await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None)).Select(i => i.Id));
    }

    [Fact]
    public async Task Prune_dry_run_says_per_source_what_would_go_and_deletes_nothing()
    {
        await db.CommitAsync(
            TestItems.Write("kab-blora", 1, new DateTimeOffset(2001, 3, 5, 9, 0, 0, TestItems.Wib)),
            TestItems.Write("kab-blora", 2, new DateTimeOffset(2002, 4, 6, 10, 30, 0, TestItems.Wib)),
            TestItems.Write("kab-pati", 1, new DateTimeOffset(2003, 1, 2, 8, 0, 0, TestItems.Wib)),
            TestItems.Write("kab-pati", 2, TestItems.WibTime(5, 9)));
        SqliteConnection.ClearAllPools();

        var result = await FeedhubProcess.RunAsync(db.Directory, "prune", "--db", db.Path, "--older-than", "3650d", "--dry-run");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("would prune 3 item(s) published before ", result.Stdout);
        Assert.Contains("nothing removed", result.Stdout);
        Assert.Contains("  kab-blora: 2 item(s), 2001-03-05 09:00 WIB … 2002-04-06 10:30 WIB", result.Stdout);
        Assert.Contains("  kab-pati: 1 item(s), 2003-01-02 08:00 WIB … 2003-01-02 08:00 WIB", result.Stdout);
        Assert.Equal(4, await db.Items.CountAsync(new ItemFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task Prune_command_without_an_age_exits_2_and_deletes_nothing()
    {
        await db.CommitAsync(TestItems.Write("kab-blora", 1, new DateTimeOffset(2001, 3, 5, 9, 0, 0, TestItems.Wib)));
        SqliteConnection.ClearAllPools();

        var result = await FeedhubProcess.RunAsync(db.Directory, "prune", "--db", db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--older-than", result.Stderr);
        Assert.Equal(1, await db.Items.CountAsync(new ItemFilter(), CancellationToken.None));
    }

    private ProcessStartInfo StartInfo(params string[] args) => FeedhubProcess.StartInfo(db.Directory, args);

    /// <summary>One item a day at noon WIB, 1–<paramref name="days"/> December 2025; returned newest first.</summary>
    private async Task<IReadOnlyList<Item>> StoreDailyItemsAsync(int days)
    {
        var writes = Enumerable.Range(1, days).Select(day => TestItems.Write("kab-kendal", 8000 + day, TestItems.WibTime(day, 12))).ToArray();
        await db.CommitAsync(writes);
        return writes.Select(w => w.Item).OrderByDescending(i => i.Published).ToList();
    }
}
