using System.Diagnostics;
using System.Net;

namespace FeedHub.Bench;

/// <summary>What a fixed-duration load run measured.</summary>
internal sealed record LoadResult(long Requests, long Errors, double Seconds, double P50Ms, double P99Ms, string? FirstError)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// A closed-loop HTTP load generator: <c>workers</c> clients each send a request, read the whole
/// response, record its latency and send the next, until the duration is over. Loopback only.
/// </summary>
internal static class LoadGenerator
{
    /// <param name="request">Builds worker <c>w</c>'s next request.</param>
    /// <param name="accept">Whether a status is a success (anything else counts as an error).</param>
    public static async Task<LoadResult> RunAsync(
        Func<int, HttpRequestMessage> request, Func<HttpStatusCode, bool> accept, int workers, TimeSpan duration, CancellationToken ct)
    {
        using var client = Client(workers);
        var latencies = new List<double>[workers];
        long errors = 0;
        string? firstError = null;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (Stopwatch.GetElapsedTime(started) < duration && !ct.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    using var message = request(w);
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                    error = accept(response.StatusCode) ? null : $"{message.RequestUri}: HTTP {(int)response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    error = e.Message;
                }
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (error is not null && Interlocked.Increment(ref errors) == 1) firstError = error;
            }
        }, ct)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadResult(all.Count, errors, seconds, Percentiles.Of(all, 50), Percentiles.Of(all, 99), firstError);
    }

    /// <summary>A client with a connection per worker and no decompression, so bodies arrive as sent.</summary>
    public static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(30) };
}
