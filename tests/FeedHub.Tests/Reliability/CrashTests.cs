using System.Diagnostics;
using FeedHub.Fixtures;
using FeedHub.Storage;
using FeedHub.Tests.Fixtures;
using FeedHub.Tests.Host;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// <c>feedhub crawl</c> killed with SIGKILL at seeded random moments, then run to the end: the database
/// is intact and holds every fixture article exactly once, never a half-written or duplicated one.
/// </summary>
public sealed class CrashTests
{
    private const int Kills = 4;

    [Fact]
    public async Task Crawl_killed_at_random_points_leaves_an_intact_database_with_every_article_once()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 6, ArticlesPerSite = 30, Now = FarmFixture.Now });
        using var work = new WorkDirectory();
        var config = work.Write("feeds.json", farm.FeedsJson());
        var db = Path.Combine(work.Path, "data", "feedhub.db");
        string[] crawl = ["crawl", "--config", config, "--db", db, "--pages", "10"];
        var random = new Random(20260105);
        var killedMidway = 0;

        for (var kill = 0; kill < Kills; kill++)
        {
            using var running = Process.Start(FeedhubProcess.StartInfo(work.Path, crawl))!;
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(600, 2500)));
            if (!running.HasExited) killedMidway++;
            running.Kill(entireProcessTree: true); // SIGKILL, as kill -9: no finally blocks, no flush
            await running.WaitForExitAsync();
        }
        var (exit, output, errors) = await FeedhubProcess.RunAsync(work.Path, crawl);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{errors}");
        Assert.True(killedMidway > 0, "every run finished before it could be killed; the test proved nothing");
        var database = new SqliteDatabase(db, new FakeTimeProvider());
        Assert.Equal("ok", await database.IntegrityCheckAsync());
        using var connection = database.Open();
        Assert.Empty(Rows(connection, "SELECT link FROM items GROUP BY link HAVING count(*) > 1;"));
        Assert.Empty(Rows(connection, "SELECT id FROM items WHERE version <> 1 OR title = '' OR content_html = '' OR content_hash = '';"));
        Assert.Equal("0", Assert.Single(Rows(connection,
            "SELECT count(*) FROM items i LEFT JOIN items_fts f ON f.rowid = i.item_key WHERE f.rowid IS NULL;")));
        foreach (var site in farm.Sites)
            Assert.Equal(site.Articles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Assert.Single(Rows(connection, $"SELECT count(*) FROM items WHERE source_id = '{site.Id}';")));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Run_killed_mid_crawl_resumes_its_schedule_and_crawls_again_after_restart()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 4, ArticlesPerSite = 6, Now = TimeProvider.System.GetUtcNow() });
        using var work = new WorkDirectory();
        work.Write("feeds.json", farm.FeedsJson(TimeSpan.FromMinutes(1)));
        var db = Path.Combine(work.Path, "data", "feedhub.db");
        var expected = farm.Sites.Sum(s => s.Articles.Count);

        using (var first = StartRun(work.Path))
        {
            await WaitForAsync(first, () => Count(db, "SELECT count(*) FROM items;") > 0);
            first.Kill(entireProcessTree: true); // SIGKILL mid-crawl: some sources committed, others not yet
            await first.WaitForExitAsync();
        }
        var fetchesBefore = Count(db, "SELECT count(*) FROM fetch_log;");
        using (var second = StartRun(work.Path))
        {
            // When every source committed before the kill, the next fetch waits for its resumed due time:
            // one interval (1 minute) plus up to 10 % jitter after its last run, so allow two minutes.
            await WaitForAsync(second, () =>
                Count(db, "SELECT count(*) FROM items;") == expected
                && Count(db, "SELECT count(*) FROM sources_state WHERE next_due IS NOT NULL;") == farm.Sites.Count
                && Count(db, "SELECT count(*) FROM fetch_log;") > fetchesBefore, TimeSpan.FromMinutes(2));
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        SqliteConnection.ClearAllPools();
        var database = new SqliteDatabase(db, new FakeTimeProvider());
        Assert.Equal("ok", await database.IntegrityCheckAsync());
        using var connection = database.Open();
        Assert.Empty(Rows(connection, "SELECT link FROM items GROUP BY link HAVING count(*) > 1;"));
        Assert.Empty(Rows(connection, "SELECT id FROM items WHERE version <> 1;"));
        SqliteConnection.ClearAllPools();
    }

    private static Process StartRun(string directory)
    {
        var start = FeedhubProcess.StartInfo(directory, "run", "--config", "feeds.json", "--db", "data/feedhub.db", "--urls", "http://127.0.0.1:0");
        start.Environment["FEEDHUB__Schedule__StartWindow"] = "00:00:02";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls the database (read-only, so the worker is undisturbed) until <paramref name="reached"/>, for at most <paramref name="limit"/> (a minute by default).</summary>
    private static async Task WaitForAsync(Process worker, Func<bool> reached, TimeSpan? limit = null)
    {
        var most = limit ?? TimeSpan.FromMinutes(1);
        var watch = Stopwatch.StartNew();
        while (!reached())
        {
            Assert.False(worker.HasExited, $"feedhub run exited early with {(worker.HasExited ? worker.ExitCode : 0)}");
            Assert.True(watch.Elapsed < most, $"feedhub run did not get there within {most.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static long Count(string db, string sql)
    {
        if (!File.Exists(db)) return -1;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return -1; // not migrated yet, or busy for a moment
        }
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }
}
