using FeedHub.Crawling;
using FeedHub.Storage;
using FeedHub.Tests.Fixtures;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// Health tells the truth about storage: a full database (simulated with <c>Storage:MaxBytes</c>, which fails
/// as a full disk does), a file deleted or replaced while running, and a run whose commit failed in `run`,
/// which counts as that source's failure.
/// </summary>
public sealed class StorageHealthTests
{
    [Fact]
    public async Task Health_reports_a_database_that_has_no_room_left()
    {
        await using var db = new TempDatabase();
        await db.InitializeAsync();
        await db.CommitAsync(Enumerable.Range(1, 40).Select(n => TestItems.Write("kab-blora", n, TestItems.WibTime(5, 10))).ToArray());
        SqliteConnection.ClearAllPools();
        var full = new SqliteDatabase(db.Path, db.Time, new StorageLimits { MaxBytes = new FileInfo(db.Path).Length });
        await full.InitialiseAsync(CancellationToken.None);

        Assert.Contains("is full", await full.WriteProblemAsync());
    }

    [Fact]
    public async Task Health_reports_a_database_file_deleted_while_running()
    {
        await using var db = new TempDatabase();
        await db.InitializeAsync();
        await db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(5, 10)));
        // The pool keeps connections to the file open, as a running server does.
        Assert.Single(await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None));

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(db.Path)!))
            File.Delete(file);

        Assert.Contains("no longer exists", await db.Database.WriteProblemAsync());
        Assert.False(File.Exists(db.Path), "the health probe must not create a new, empty database");
    }

    [Fact]
    public async Task Health_reports_a_database_file_replaced_while_running()
    {
        await using var db = new TempDatabase();
        await using var other = new TempDatabase();
        await db.InitializeAsync();
        await other.InitializeAsync();
        await db.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(5, 10)));
        Assert.Single(await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None));
        other.Execute("PRAGMA wal_checkpoint(TRUNCATE);");

        foreach (var suffix in new[] { "-wal", "-shm" })
            File.Delete(db.Path + suffix);
        // Renamed over, as a restore or a ConfigMap swap does: a new file under the old name.
        File.Copy(other.Path, db.Path + ".new");
        File.Move(db.Path + ".new", db.Path, overwrite: true);

        Assert.Contains("no longer the file opened at start", await db.Database.WriteProblemAsync());
    }

    [Fact]
    public async Task A_commit_that_fails_in_run_counts_as_a_failure_of_the_source_and_shows_in_health()
    {
        await using var rig = await CrawlRig.StartAsync(siteCount: 1);
        await rig.CrawlAsync();
        SqliteConnection.ClearAllPools();
        var full = new SqliteDatabase(rig.Db.Path, rig.Db.Time, new StorageLimits { MaxBytes = new FileInfo(rig.Db.Path).Length });
        await full.InitialiseAsync(CancellationToken.None);
        var states = new SourceStateStore(full);
        var crawler = new SourceCrawler(rig.Fetcher, new ItemStore(full), states, rig.Db.Time, NullLogger<SourceCrawler>.Instance);
        var scheduled = new ScheduledCrawl(crawler, states, new SchedulePolicy(new Random(1)), rig.Db.Time, NullLogger<ScheduledCrawl>.Instance);
        rig.Site(0).Publish("KPU Gelar Bimbingan Teknis Pemutakhiran Data Pemilih", new string('x', 40_000), FarmFixture.Now.AddMinutes(-5));

        var run = await scheduled.RunAsync(rig.Sources[0], new CrawlOptions(), CancellationToken.None);

        Assert.Equal(CrawlOutcome.Failed, run.Report.Outcome);
        Assert.Equal(FailureKind.Storage, run.Report.FailureKind);
        Assert.Contains("the disk is full", run.Report.Error);
        var state = await states.GetAsync(rig.Sources[0].Id, CancellationToken.None);
        Assert.Equal(1, state!.ConsecutiveFailures);
        Assert.Equal(FailureKind.Storage, state.LastFailureKind);
        Assert.NotNull(await full.WriteProblemAsync());
    }
}
