using System.Net;

namespace FeedHub.Bench;

/// <summary>The plain client's run over the same URLs.</summary>
public sealed record DownloadResult(double WallMs, double CpuMs, long PeakRssBytes, int Requests, long Bytes, int Errors);

/// <summary>
/// The physical floor of a crawl: a plain HttpClient fetching exactly the URLs FeedHub fetched, in the
/// same per-host order, with the same politeness structure (one request in flight per host, at most
/// <c>parallel</c> hosts at once) and nothing else: no robots logic, no parsing, no database.
/// </summary>
internal static class DownloadFloor
{
    public static async Task<DownloadResult> RunAsync(IReadOnlyList<Uri> urls, int parallel, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        });
        var byHost = urls.GroupBy(u => u.Authority).Select(g => g.ToList()).ToList();
        long bytes = 0;
        var errors = 0;
        var meter = new CostMeter();
        await Parallel.ForEachAsync(byHost, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
            async (host, token) =>
            {
                foreach (var url in host)
                {
                    using var response = await client.GetAsync(url, token);
                    var body = await response.Content.ReadAsByteArrayAsync(token);
                    Interlocked.Add(ref bytes, body.Length);
                    if ((int)response.StatusCode >= 500) Interlocked.Increment(ref errors);
                }
            });
        return new DownloadResult(meter.Wall.TotalMilliseconds, meter.Cpu.TotalMilliseconds, ProcessStats.PeakRssBytes(),
            urls.Count, bytes, errors);
    }
}
