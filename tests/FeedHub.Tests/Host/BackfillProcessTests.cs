using System.Diagnostics;
using FeedHub.Fixtures;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Host;

/// <summary>`feedhub backfill` as a separate process against fixture sites.</summary>
public sealed class BackfillProcessTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "feedhub-backfill-" + Guid.NewGuid().ToString("N"));
    private FixtureFarm farm = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 2, ArticlesPerSite = 40, Now = TimeProvider.System.GetUtcNow() });
        await File.WriteAllTextAsync(Path.Combine(directory, "feeds.json"), farm.FeedsJson());
    }

    public async Task DisposeAsync()
    {
        await farm.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_second_backfill_continues_from_the_page_the_first_one_reached()
    {
        var first = await BackfillAsync("--pages", "2");
        var second = await BackfillAsync("--pages", "2", "--source", farm.Sites[0].Id);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"{farm.Sites[1].Id}: ok — {2 * farm.Sites[1].PageSize} new", first.Output);
        Assert.Contains("position category 104 page 2", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"{farm.Sites[0].Id}: ok — {2 * farm.Sites[0].PageSize} new, 0 updated; position category 104 page 4", second.Output);
    }

    private async Task<(int ExitCode, string Output)> BackfillAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "feedhub.dll"), "backfill", "--config", "feeds.json", "--db", "data/feedhub.db" }.Concat(args))
            start.ArgumentList.Add(arg);
        start.Environment["FEEDHUB__Fetch__MinHostGap"] = "00:00:00.020";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await errors);
    }
}
