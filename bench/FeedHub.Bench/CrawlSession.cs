using System.Text.Json;
using FeedHub.Fixtures;

namespace FeedHub.Bench;

/// <summary>One pass of FeedHub over the farm: its own measurements and the requests the farm logged.</summary>
internal sealed record CrawlObservation(PassResult Result, IReadOnlyList<LoggedRequest> Requests);

/// <summary>
/// A fixture farm of <see cref="Sites"/> sites crawled twice by FeedHub on a fresh database (cold, then warm),
/// and the cold pass's URLs downloaded again by the plain client (<see cref="DownloadFloor"/>).
/// </summary>
internal sealed record CrawlSession(int Sites, int ArticlesPerSite, CrawlObservation Cold, CrawlObservation Warm, DownloadResult Floor, bool InProcess)
{
    public const int MaxParallelHosts = 64;

    /// <summary>Fixture dates are generated before this instant; fixed so every run serves the same sites.</summary>
    public static readonly DateTimeOffset FarmNow = new(2025, 12, 10, 10, 0, 0, TimeSpan.FromHours(7));

    public static async Task<CrawlSession> RunAsync(int sites, int articlesPerSite, bool inProcess, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("feedhub-bench-crawl-");
        try
        {
            await using var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = sites, ArticlesPerSite = articlesPerSite, Now = FarmNow }, ct);
            var feeds = Path.Combine(work.FullName, "feeds.json");
            await File.WriteAllTextAsync(feeds, farm.FeedsJson(), ct);
            // Page sizes are 5–10 entries: enough pages to reach every article of a cold site, plus the one that ends it.
            var job = new CrawlJob(feeds, Path.Combine(work.FullName, "feedhub.db"), Passes: 2, MaxParallelHosts, MaxPages: articlesPerSite / 5 + 1);
            var passes = await CrawlAsync(job, farm.Log, inProcess, ct);
            var urls = passes[0].Requests.Select(r => new Uri($"http://{r.Host}{r.PathAndQuery}")).ToList();
            var floor = await DownloadAsync(urls, work.FullName, inProcess, ct);
            return new CrawlSession(sites, articlesPerSite, passes[0], passes[1], floor, inProcess);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<List<CrawlObservation>> CrawlAsync(CrawlJob job, RequestLog log, bool inProcess, CancellationToken ct)
    {
        var passes = new List<CrawlObservation>();
        CrawlObservation Observe(PassResult result)
        {
            var observed = new CrawlObservation(result, log.All.OrderBy(r => r.Sequence).ToList());
            log.Clear();
            return observed;
        }
        if (inProcess)
        {
            await CrawlerRun.RunAsync(job, result =>
            {
                passes.Add(Observe(result));
                return Task.CompletedTask;
            }, ct);
            return passes;
        }
        var jobFile = Path.ChangeExtension(job.DatabasePath, ".job.json");
        await File.WriteAllTextAsync(jobFile, JsonSerializer.Serialize(job), ct);
        using var child = ChildProcess.Start(ChildProcess.CrawlMode, jobFile);
        for (var i = 0; i < job.Passes; i++)
        {
            passes.Add(Observe(await child.ReadAsync<PassResult>(ct)));
            await child.ContinueAsync();
        }
        await child.WaitAsync(ct);
        return passes;
    }

    private static async Task<DownloadResult> DownloadAsync(IReadOnlyList<Uri> urls, string work, bool inProcess, CancellationToken ct)
    {
        if (inProcess) return await DownloadFloor.RunAsync(urls, MaxParallelHosts, ct);
        var list = Path.Combine(work, "urls.txt");
        await File.WriteAllLinesAsync(list, urls.Select(u => u.AbsoluteUri), ct);
        using var child = ChildProcess.Start(ChildProcess.DownloadMode, list, MaxParallelHosts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = await child.ReadAsync<DownloadResult>(ct);
        await child.WaitAsync(ct);
        return result;
    }

    /// <summary>The child process's side of <see cref="ChildProcess.CrawlMode"/> and <see cref="ChildProcess.DownloadMode"/>.</summary>
    public static async Task<int> ServeChildAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        switch (args)
        {
            case [ChildProcess.CrawlMode, var jobFile]:
                var job = JsonSerializer.Deserialize<CrawlJob>(await File.ReadAllTextAsync(jobFile, ct))
                          ?? throw new InvalidDataException($"{jobFile} holds no crawl job.");
                await CrawlerRun.RunAsync(job, async result =>
                {
                    await ChildProcess.SendAsync(result);
                    await ChildProcess.AwaitGoAsync();
                }, ct);
                return 0;
            case [ChildProcess.DownloadMode, var urlFile, var parallel]:
                var urls = (await File.ReadAllLinesAsync(urlFile, ct)).Select(u => new Uri(u)).ToList();
                await ChildProcess.SendAsync(await DownloadFloor.RunAsync(urls, int.Parse(parallel, System.Globalization.CultureInfo.InvariantCulture), ct));
                return 0;
            default:
                throw new ArgumentException($"unknown child invocation: {string.Join(' ', args)}");
        }
    }
}
