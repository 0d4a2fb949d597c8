namespace FeedHub.Bench;

/// <summary>
/// Section 1: a cold crawl at each scale against the plain download of the same URLs. Target: FeedHub's
/// wall time within 1.5× of the floor's, and peak memory under 200 MB at 550 sites.
/// </summary>
internal static class CrawlBench
{
    public const string Section = "1. Cold crawl";
    private const double MaxRatio = 1.5;
    private const long MaxPeakRss = 200L * 1024 * 1024;

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var results = context.Results;
        foreach (var (sites, articles) in context.CrawlScales)
        {
            var session = await context.CrawlAsync(sites, articles, ct);
            var cold = session.Cold.Result;
            var floor = session.Floor;
            var scale = $"{sites} sites × {articles}";
            var ratio = cold.WallMs / floor.WallMs;
            results.Add(Section, new Measure($"{scale}: wall time", Fmt.Ms(cold.WallMs), Fmt.Ms(floor.WallMs), Fmt.Ratio(ratio), $"≤ {MaxRatio}× floor", ratio <= MaxRatio));
            results.Add(Section, new Measure($"{scale}: CPU time", Fmt.Ms(cold.CpuMs), Fmt.Ms(floor.CpuMs), Fmt.Ratio(cold.CpuMs / floor.CpuMs)));
            results.Add(Section, new Measure($"{scale}: requests", Fmt.N(session.Cold.Requests.Count), Fmt.N(floor.Requests)));
            results.Add(Section, new Measure($"{scale}: bytes received", Fmt.Mb(cold.Bytes), Fmt.Mb(floor.Bytes)));
            var peakTarget = sites >= 550 ? MaxPeakRss : (long?)null;
            results.Add(Section, new Measure($"{scale}: peak RSS", Fmt.Mb(cold.PeakRssBytes), Fmt.Mb(floor.PeakRssBytes), null,
                peakTarget is null ? null : "< 200 MB", peakTarget is { } max ? cold.PeakRssBytes < max : null));
            results.Add(Section, new Measure($"{scale}: managed heap committed (last GC) / allocated in the pass", $"{Fmt.Mb(cold.ManagedCommittedBytes)} / {Fmt.Mb(cold.AllocatedBytes)}"));
            results.Add(Section, new Measure($"{scale}: of the CPU time, JIT compiling", Fmt.Ms(cold.JitMs)));
            results.Add(Section, new Measure($"{scale}: items stored / sources failed", $"{Fmt.N(cold.New)} / {cold.Failed}"));
        }
        var inProcess = context.Options.InProcess;
        results.Note(Section, inProcess
            ? "Crawler, download floor and fixture farm ran in one process: CPU time and peak RSS include the farm."
            : "FeedHub and the floor each ran in their own child process; CPU time and peak RSS (VmHWM) are that process's own (the farm runs in the parent). Wall and CPU time cover the pass only; RSS is the child's peak since start.");
        results.Note(Section, $"Per-host gap 0, robots.txt obeyed (its requests count), {CrawlSession.MaxParallelHosts} hosts in parallel; the floor fetches the URLs FeedHub fetched (from the farm's request log), one in flight per host, {CrawlSession.MaxParallelHosts} hosts at once, no parsing or storage.");
    }
}
