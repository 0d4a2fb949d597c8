using Dapper;
using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Bench;

/// <summary>What the crawler process is asked to do: the sources, the database and how many passes.</summary>
public sealed record CrawlJob(string FeedsPath, string DatabasePath, int Passes, int MaxParallelHosts, int MaxPages);

/// <summary>One crawl pass as the crawling process saw it.</summary>
/// <param name="JitMs">Time spent compiling methods during the pass (a fresh process compiles the pipeline as it goes).</param>
/// <param name="ManagedCommittedBytes">Memory the GC had committed at its last collection of the pass: the managed share of RSS.</param>
public sealed record PassResult(
    double WallMs, double CpuMs, long PeakRssBytes, long AllocatedBytes, double JitMs, long ManagedCommittedBytes,
    int Sources, int Failed, int New, int Updated, int Requests, long Bytes);

/// <summary>
/// FeedHub's own pipeline, composed as the host composes it (<see cref="PipelineServices.AddFeedHubPipeline"/>),
/// with the per-host gap set to zero: a pass is <see cref="CrawlPass"/> over every source.
/// </summary>
internal static class CrawlerRun
{
    public static async Task RunAsync(CrawlJob job, Func<PassResult, Task> afterPass, CancellationToken ct)
    {
        var catalog = ConfigLoader.LoadFile(job.FeedsPath);
        var services = new ServiceCollection()
            .AddLogging()
            .AddFeedHubPipeline(job.DatabasePath, fetch =>
            {
                fetch.MinHostGap = TimeSpan.Zero;
                fetch.MaxParallelHosts = job.MaxParallelHosts;
                fetch.ObeyRobotsTxt = true;
            });
        await using var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<FeedHubDatabase>();
        await database.InitialiseAsync(ct);
        provider.GetRequiredService<OutboundPolicy>().Allow(catalog.Sources.Select(s => s.Url));
        var pass = provider.GetRequiredService<CrawlPass>();
        var options = new CrawlOptions { MaxPages = job.MaxPages };
        for (var i = 0; i < job.Passes; i++)
        {
            var bytesBefore = await FetchedBytesAsync(database);
            var meter = new CostMeter();
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var reports = await pass.RunAsync(catalog.Sources, options, ct);
            var wall = meter.Wall;
            var cpu = meter.Cpu;
            await afterPass(new PassResult(
                wall.TotalMilliseconds, cpu.TotalMilliseconds, ProcessStats.PeakRssBytes(), meter.Allocated,
                (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds, GC.GetGCMemoryInfo().TotalCommittedBytes,
                reports.Count, reports.Count(r => r.Outcome == CrawlOutcome.Failed), reports.Sum(r => r.New),
                reports.Sum(r => r.Updated), reports.Sum(r => r.Requests), await FetchedBytesAsync(database) - bytesBefore));
        }
    }

    private static async Task<long> FetchedBytesAsync(FeedHubDatabase database)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<long>("SELECT coalesce(sum(bytes), 0) FROM fetch_log;");
    }
}
