using System.Diagnostics;
using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Storage;
using FeedHub.Tests.Fixtures;
using FeedHub.Tests.Host;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// A locked, full or read-only database fails each source's commit with a clear storage error, rolls it
/// back whole, and the next pass stores what was missed; a foreign file is never touched.
/// </summary>
public sealed class StorageFaultTests
{
    private const string NewTitle = "KPU Gelar Bimbingan Teknis Pemutakhiran Data Pemilih";

    [Fact]
    public async Task A_locked_database_fails_the_commit_as_busy_and_the_next_pass_stores_everything()
    {
        await using var rig = await CrawlRig.StartAsync(storage: new StorageLimits { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        await rig.CrawlAsync();
        var before = rig.ItemRows();
        rig.Site(1).Publish(NewTitle, "Teks sintetis.", FarmFixture.Now.AddMinutes(-5));

        IReadOnlyList<CrawlReport> locked;
        await using (var holder = new SqliteConnection($"Data Source={rig.Db.Path};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var exclusive = holder.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();
            locked = await rig.CrawlAsync();
        }

        Assert.All(locked, r =>
        {
            Assert.Equal(CrawlOutcome.Failed, r.Outcome);
            Assert.Contains("the database is busy", r.Error);
            Assert.Contains(rig.Db.Path, r.Error);
        });
        Assert.Equal(before, rig.ItemRows());
        var retried = await rig.CrawlAsync();
        Assert.All(retried, r => Assert.Equal(CrawlOutcome.Ok, r.Outcome));
        Assert.Equal(1, rig.ReportOf(retried, rig.Site(1).Id).New);
        Assert.Equal("ok", await rig.Db.Database.IntegrityCheckAsync());
    }

    [Fact]
    public async Task A_full_database_rolls_the_whole_commit_back_with_a_clear_error()
    {
        await using var rig = await CrawlRig.StartAsync();
        await rig.CrawlAsync();
        var before = rig.ItemRows();
        SqliteConnection.ClearAllPools();
        var full = new SqliteDatabase(rig.Db.Path, rig.Db.Time, new StorageLimits { MaxBytes = new FileInfo(rig.Db.Path).Length });
        var items = Enumerable.Range(1, 200)
            .Select(n => TestItems.Write("kab-penuh", n, TestItems.WibTime(5, 10), content: "<p>" + new string('x', 8000) + "</p>"))
            .ToArray();

        var error = await Assert.ThrowsAsync<StorageException>(() => new ItemStore(full).CommitAsync(new SourceRun
        {
            SourceId = "kab-penuh", Items = items, State = SourceState.New("kab-penuh"),
        }, CancellationToken.None));

        Assert.Contains("the disk is full", error.Message);
        Assert.Contains("committing the run of source 'kab-penuh'", error.Message);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, rig.ItemRows());
        Assert.Null(await rig.Db.States.GetAsync("kab-penuh", CancellationToken.None));
        Assert.Equal("ok", await rig.Db.Database.IntegrityCheckAsync());
        Assert.All(await rig.CrawlAsync(), r => Assert.Equal(CrawlOutcome.Ok, r.Outcome));
    }

    [Fact]
    public async Task A_read_only_database_file_fails_each_commit_clearly_and_recovers_when_writable()
    {
        await using var rig = await CrawlRig.StartAsync();
        await rig.CrawlAsync();
        var before = rig.ItemRows();
        rig.Site(1).Publish(NewTitle, "Teks sintetis.", FarmFixture.Now.AddMinutes(-5));
        SqliteConnection.ClearAllPools();
        IReadOnlyList<CrawlReport> readOnly;
        Immutable(rig.Db.Path, true);
        try
        {
            readOnly = await rig.CrawlAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Immutable(rig.Db.Path, false);
        }

        Assert.All(readOnly, r =>
        {
            Assert.Equal(CrawlOutcome.Failed, r.Outcome);
            Assert.Contains("read-only", r.Error);
        });
        Assert.Equal(before, rig.ItemRows());
        var retried = await rig.CrawlAsync();
        Assert.Equal(1, rig.ReportOf(retried, rig.Site(1).Id).New);
        Assert.Equal("ok", await rig.Db.Database.IntegrityCheckAsync());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("sqlite")]
    public async Task Crawl_refuses_a_foreign_database_file_and_leaves_it_byte_identical(string kind)
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 1, ArticlesPerSite = 3, Now = FarmFixture.Now });
        using var work = new WorkDirectory();
        var config = work.Write("feeds.json", farm.FeedsJson());
        var foreign = Path.Combine(work.Path, "notes.db");
        if (kind == "text")
            await File.WriteAllTextAsync(foreign, "Catatan rapat pleno: jangan dihapus.\n");
        else
            await using (var other = new SqliteConnection($"Data Source={foreign};Pooling=False"))
            {
                await other.OpenAsync();
                await using var create = other.CreateCommand();
                create.CommandText = "CREATE TABLE pemilih (nik TEXT PRIMARY KEY, nama TEXT); INSERT INTO pemilih VALUES ('3301', 'Siti');";
                await create.ExecuteNonQueryAsync();
            }
        var original = await File.ReadAllBytesAsync(foreign);

        var (exit, output, errors) = await FeedhubProcess.RunAsync(work.Path, "crawl", "--config", config, "--db", foreign);

        Assert.Equal(1, exit);
        Assert.Contains(foreign, errors);
        Assert.Contains(kind == "text" ? "is not a SQLite database" : "SQLite database of another application", errors);
        Assert.Contains("will not", errors);
        Assert.DoesNotContain("crawled", output);
        Assert.Equal(original, await File.ReadAllBytesAsync(foreign));
    }

    /// <summary>chattr ±i: the one way to make a file read-only for root, whom permissions do not stop.</summary>
    private static void Immutable(string path, bool on)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [on ? "+i" : "-i", path]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {(on ? "+i" : "-i")} {path} failed (needs root and a filesystem with the immutable attribute, e.g. ext4): {chattr.StandardError.ReadToEnd()}");
    }
}

/// <summary>A temp directory for a process-level test, deleted afterwards.</summary>
internal sealed class WorkDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("feedhub-reliability-").FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the directory and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
