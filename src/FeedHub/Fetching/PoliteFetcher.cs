using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHub.Fetching;

/// <summary>
/// FeedHub's <see cref="IFetcher"/>: robots.txt obeyed, one request per host at a time with a gap,
/// outbound policy, caps and timeouts (see <see cref="Downloader"/>), and the body decoded by
/// <see cref="CharsetDetector"/>. Register with <c>AddPoliteFetching</c>, or build one directly with the
/// public constructor in tests and the benchmark.
/// </summary>
public sealed class PoliteFetcher : IFetcher
{
    /// <summary>The IHttpClientFactory name of the client that carries FeedHub's handler.</summary>
    public const string HttpClientName = "FeedHub.Fetching";

    private readonly Downloader downloader;
    private readonly RobotsPolicy robots;
    private readonly FetchOptions options;

    /// <summary>
    /// A complete fetching stack (own gate and robots cache) over <paramref name="handler"/>, which the
    /// caller owns; <see cref="CreateHandler"/> builds the production one.
    /// </summary>
    public PoliteFetcher(HttpMessageHandler handler, FetchOptions options, OutboundPolicy outbound, TimeProvider time, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        this.options = options;
        downloader = new Downloader(
            new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan },
            new HostGate(options, time), outbound, options, time, loggers.CreateLogger<PoliteFetcher>());
        robots = new RobotsPolicy(downloader, options, time, loggers.CreateLogger<RobotsPolicy>());
    }

    internal PoliteFetcher(Downloader downloader, RobotsPolicy robots, FetchOptions options)
    {
        this.downloader = downloader;
        this.robots = robots;
        this.options = options;
    }

    /// <summary>
    /// The production handler: connect timeout, the outbound policy's address check at connect time,
    /// redirects left to the fetcher, gzip/deflate/br decompression (the cap counts decompressed bytes)
    /// and a cookie jar, which keeps cookies per host.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(FetchOptions options, OutboundPolicy outbound) => new()
    {
        ConnectTimeout = options.ConnectTimeout,
        ConnectCallback = outbound.ConnectAsync,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseProxy = false,
    };

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var download = await downloader.GetAsync(
            request.Url, request.Validators, new BodyLimit(options.MaxBodyBytes, Truncate: false),
            options.ObeyRobotsTxt ? robots.RefusalOfAsync : null, cancellationToken).ConfigureAwait(false);
        return download.Body is { } body
            ? download.Result with { Body = CharsetDetector.Decode(body, download.Result.ContentType) }
            : download.Result;
    }
}
