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
        var database = new FeedHubDatabase(db, new FakeTimeProvider());
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
