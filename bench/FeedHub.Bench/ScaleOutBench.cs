using System.Diagnostics;
using System.Globalization;
using FeedHub.Fixtures;
using Npgsql;

namespace FeedHub.Bench;

/// <summary>
/// Section 11: the national scale on a cluster. One, then two `feedhub run` processes share one PostgreSQL
/// database (Storage:Provider postgres, clustered Quartz) and crawl the same farm from cold; measured until
/// every source has succeeded once. Shows what a second node buys on this machine and that the cluster
/// crawls each source once: the same requests as one node, and never two requests at once to a host.
/// </summary>
internal static class ScaleOutBench
{
    public const string Section = "11. Scale-out";

    /// <summary>Longest a cold pass may take before the section gives up, naming how far it got.</summary>
    private static readonly TimeSpan PassLimit = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var (sites, articles) = context.Options.Quick ? (4, 6) : (550, 30);
        var results = context.Results;
        var server = PostgresServer.Shared;
        await using var farm = await FixtureFarm.StartAsync(
            new FarmOptions { SiteCount = sites, ArticlesPerSite = articles, Now = CrawlSession.FarmNow }, ct);
        var work = Directory.CreateTempSubdirectory("feedhub-bench-scaleout-");
        try
        {
            // One run per source in the measured pass: the next is an hour away.
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "feeds.json"), farm.FeedsJson(TimeSpan.FromHours(1)), ct);
            var passes = new List<ClusterPass>();
            foreach (var nodes in new[] { 1, 2 })
            {
                context.Progress.WriteLine($"scale-out: {sites} sites × {articles} on {nodes} node(s) sharing one PostgreSQL…");
                farm.Log.Clear();
                var database = server.CreateDatabase();
                try
                {
                    passes.Add(await ClusterPass.RunAsync(nodes, sites, work.FullName, database, farm.Log, ct));
                }
                finally
                {
                    server.DropDatabase(database);
                }
            }
            var (one, two) = (passes[0], passes[1]);
            var scale = $"{sites} sites × {articles}";
            results.Add(Section, new Measure($"{scale}: wall time to every source crawled, 2 nodes vs 1", Fmt.Ms(two.WallMs), Fmt.Ms(one.WallMs), Fmt.Ratio(two.WallMs / one.WallMs)));
            results.Add(Section, new Measure($"{scale}: CPU time, all nodes", Fmt.Ms(two.CpuMs.Sum()), Fmt.Ms(one.CpuMs.Sum()), Fmt.Ratio(two.CpuMs.Sum() / one.CpuMs.Sum())));
            results.Add(Section, new Measure($"{scale}: CPU time per node", string.Join(" + ", two.CpuMs.Select(Fmt.Ms)), Fmt.Ms(one.CpuMs[0])));
            results.Add(Section, new Measure($"{scale}: peak RSS per node", string.Join(" + ", two.PeakRssBytes.Select(b => Fmt.Mb(b))), Fmt.Mb(one.PeakRssBytes[0])));
            results.Add(Section, new Measure($"{scale}: requests", Fmt.N(two.Requests), Fmt.N(one.Requests), null, "= 1 node", two.Requests == one.Requests));
            results.Add(Section, new Measure($"{scale}: URLs fetched more than once", Fmt.N(two.RepeatedUrls), Fmt.N(one.RepeatedUrls), null, "0", two.RepeatedUrls == 0));
            results.Add(Section, new Measure($"{scale}: most requests in flight to one host", Fmt.N(two.MaxPerHost), Fmt.N(one.MaxPerHost), null, "1", two.MaxPerHost <= 1));
            results.Add(Section, new Measure($"{scale}: items stored / sources crawled", $"{Fmt.N(two.Items)} / {Fmt.N(two.Crawled)}", $"{Fmt.N(one.Items)} / {Fmt.N(one.Crawled)}"));
            results.Note(Section, "FeedHub column: two `feedhub run` nodes; Floor column: one node. Each pass starts on an empty PostgreSQL database (the schema and Quartz tables are created by the nodes) and ends when every source's state records a success; wall time includes process start-up. Per-host gap 0, 64 hosts in parallel per node, the farm in the bench process.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>One cold pass of <c>Nodes</c> nodes: until every source has succeeded once.</summary>
    private sealed record ClusterPass(
        double WallMs, IReadOnlyList<double> CpuMs, IReadOnlyList<long> PeakRssBytes,
        int Requests, int RepeatedUrls, int MaxPerHost, long Items, long Crawled)
    {
        public static async Task<ClusterPass> RunAsync(int nodes, int sites, string work, string database, RequestLog log, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            var processes = Enumerable.Range(0, nodes).Select(_ => StartNode(work, database)).ToList();
            try
            {
                var crawled = await WaitForAllCrawledAsync(database, sites, processes, ct);
                var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var cpu = processes.Select(p => p.TotalProcessorTime.TotalMilliseconds).ToList();
                var peaks = processes.Select(p => ProcessStats.PeakRssBytes(p.Id.ToString(CultureInfo.InvariantCulture))).ToList();
                var requests = log.All;
                var repeated = requests.Where(r => r.Method == "GET").GroupBy(r => r.Host + r.PathAndQuery).Count(g => g.Count() > 1);
                await using var connection = new NpgsqlConnection(database);
                await connection.OpenAsync(ct);
                await using var count = new NpgsqlCommand("SELECT count(*) FROM items;", connection);
                var items = (long)(await count.ExecuteScalarAsync(ct))!;
                return new ClusterPass(wall, cpu, peaks, requests.Count, repeated, log.MaxConcurrencyPerHost(), items, crawled);
            }
            finally
            {
                foreach (var process in processes)
                {
                    if (!process.HasExited) process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                    process.Dispose();
                }
            }
        }

        private static async Task<long> WaitForAllCrawledAsync(string database, int sites, IReadOnlyList<Process> processes, CancellationToken ct)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(PassLimit.TotalSeconds * Stopwatch.Frequency);
            long crawled = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                if (processes.FirstOrDefault(p => p.HasExited) is { } gone)
                    throw new InvalidOperationException($"a feedhub node exited with code {gone.ExitCode} during the scale-out pass (its stderr is above)");
                crawled = await CrawledAsync(database, ct);
                if (crawled >= sites) return crawled;
                await Task.Delay(200, ct);
            }
            throw new TimeoutException($"after {PassLimit} only {crawled} of {sites} sources had succeeded once");
        }

        /// <summary>Sources whose state records a success; 0 while the nodes have not created the schema yet.</summary>
        private static async Task<long> CrawledAsync(string database, CancellationToken ct)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT count(*) FROM sources_state WHERE last_success IS NOT NULL;", connection);
                return (long)(await command.ExecuteScalarAsync(ct))!;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                return 0;
            }
        }

        private static Process StartNode(string work, string database)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = work,
                UseShellExecute = false,
                RedirectStandardOutput = true,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "feedhub.dll"), "run", "--config", "feeds.json", "--urls", $"http://127.0.0.1:{FixtureFarm.FreePort()}" })
                info.ArgumentList.Add(arg);
            info.Environment["DOTNET_ENVIRONMENT"] = "Production";
            info.Environment["FEEDHUB__Storage__Provider"] = "postgres";
            info.Environment["FEEDHUB__Storage__ConnectionString"] = database;
            info.Environment["FEEDHUB__Schedule__StartWindow"] = "00:00:01";
            info.Environment["FEEDHUB__Fetch__MinHostGap"] = "00:00:00";
            info.Environment["FEEDHUB__Fetch__MaxParallelHosts"] = CrawlSession.MaxParallelHosts.ToString(CultureInfo.InvariantCulture);
            info.Environment["FEEDHUB__Crawl__MaxPages"] = "7";
            info.Environment["FEEDHUB__Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start a feedhub node");
            // Drained so a chatty node never blocks on a full pipe; warnings and errors go to stderr, which is shown.
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            return process;
        }
    }
}
