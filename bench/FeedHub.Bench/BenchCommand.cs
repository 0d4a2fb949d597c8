using System.Globalization;
using System.Runtime.InteropServices;

namespace FeedHub.Bench;

/// <summary>
/// The benchmark's entry: <c>dotnet run -c Release --project bench/FeedHub.Bench -- [--quick] [--only …] [--out file]</c>.
/// Runs the chosen sections, prints progress on stderr and the results table (Markdown) on stdout.
/// </summary>
public static class BenchCommand
{
    /// <returns>0 when every section ran (missed targets are reported, not failures), 2 on bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter progress, CancellationToken ct)
    {
        if (args is [ChildProcess.CrawlMode or ChildProcess.DownloadMode, ..])
            return await CrawlSession.ServeChildAsync(args, ct);
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await progress.WriteLineAsync($"bench: {e.Message}");
            return 2;
        }

        var results = new ResultTable();
        await using (var context = new BenchContext(options, results, progress))
        {
            if (options.Runs("crawl")) await CrawlBench.RunAsync(context, ct);
            if (options.Runs("warm")) await WarmBench.RunAsync(context, ct);
            if (options.Runs("extract")) await ExtractBench.RunAsync(context, ct);
            if (options.Runs("storage") || options.Runs("serve"))
            {
                // One store grows through the sizes; storage and serving both measure it at each.
                foreach (var size in context.StoreSizes)
                {
                    var store = await context.StoreAsync(ct);
                    var before = store.Count;
                    progress.WriteLine($"store: growing to {size:N0} items…");
                    var growth = await store.GrowAsync(size, ct);
                    if (options.Runs("storage")) await StorageBench.AtSizeAsync(context, size, growth, size - before, ct);
                    if (options.Runs("serve")) await ServeBench.AtSizeAsync(context, size, ct);
                }
                if (options.Runs("storage")) await StorageBench.UpdatesAsync(context, ct);
                if (options.Runs("serve")) ServeBench.Conclude(context);
            }
            if (options.Runs("load")) await LoadTest.RunAsync(context, ct);
            if (options.Runs("burst")) await BurstBench.RunAsync(context, ct);
            if (options.Runs("fat")) await FatItemBench.RunAsync(context, ct);
            if (options.Runs("accuracy")) await AccuracyBench.RunAsync(context, ct);
            if (options.Runs("migrate")) await MigrateBench.RunAsync(context, ct);
            if (options.Runs("scaleout")) await ScaleOutBench.RunAsync(context, ct);
        }
        var markdown = $"{Machine()}\n{results.ToMarkdown()}";
        await output.WriteAsync(markdown);
        if (options.Out is { } file) await File.WriteAllTextAsync(file, markdown, ct);
        return 0;
    }

    /// <summary>The machine line every results table starts with.</summary>
    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory / (1024 * 1024 * 1024.0):N1} GB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}\n");
    }
}
