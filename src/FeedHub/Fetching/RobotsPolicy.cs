using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FeedHub.Fetching;

/// <summary>
/// Answers "may FeedHub fetch this URL?" from each site's robots.txt, fetched once per scheme and host
/// through the shared <see cref="HostGate"/> and cached for <see cref="FetchOptions.RobotsCacheTime"/>.
/// A missing file (any 4xx) allows everything; a failing server (5xx, network, timeout) allows too, is
/// logged, and is asked again after <see cref="RetryUnavailableAfter"/>.
/// </summary>
public sealed class RobotsPolicy
{
    /// <summary>Robots files beyond this are cut, as RFC 9309 permits.</summary>
    public const long MaxRobotsBytes = 500 * 1024;

    /// <summary>How soon an unreachable robots.txt is asked for again.</summary>
    public static readonly TimeSpan RetryUnavailableAfter = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Lazy<Task<CachedRules>>> cache = new();
    private readonly Downloader downloader;
    private readonly FetchOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly string productToken;

    internal RobotsPolicy(Downloader downloader, FetchOptions options, TimeProvider time, ILogger<RobotsPolicy> logger)
    {
        this.downloader = downloader;
        this.options = options;
        this.time = time;
        this.logger = logger;
        productToken = RobotsRules.ProductToken(options.UserAgent);
    }

    /// <summary>Null when robots.txt allows <paramref name="url"/>, else the refusal in words.</summary>
    public async Task<string?> RefusalOfAsync(Uri url, CancellationToken cancellationToken)
    {
        var rules = await RulesForAsync(url).WaitAsync(cancellationToken).ConfigureAwait(false);
        return rules.Allows(url.PathAndQuery)
            ? null
            : $"GET {url} disallowed by {RobotsUrl(url)} for {productToken}";
    }

    private Task<RobotsRules> RulesForAsync(Uri url)
    {
        var key = url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        while (true)
        {
            var entry = cache.GetOrAdd(key, _ => new Lazy<Task<CachedRules>>(() => LoadAsync(RobotsUrl(url))));
            var loading = entry.Value;
            if (!loading.IsCompleted || (loading.IsCompletedSuccessfully && loading.Result.Expires > time.GetUtcNow()))
                return loading.ContinueWith(t => t.Result.Rules, TaskScheduler.Default);
            cache.TryUpdate(key, new Lazy<Task<CachedRules>>(() => LoadAsync(RobotsUrl(url))), entry);
        }
    }

    /// <summary>Loads one robots.txt; never fails (a failure allows all for a while) and ignores any one caller's cancellation.</summary>
    private async Task<CachedRules> LoadAsync(Uri robotsUrl)
    {
        var download = await downloader.GetAsync(robotsUrl, null, new BodyLimit(MaxRobotsBytes, Truncate: true), vetHop: null, CancellationToken.None)
            .ConfigureAwait(false);
        var result = download.Result;
        var now = time.GetUtcNow();
        if (result.Outcome == FetchOutcome.Ok)
        {
            var rules = RobotsRules.Parse(Encoding.UTF8.GetString(download.Body!), productToken);
            return Loaded(robotsUrl, result, rules, now + options.RobotsCacheTime);
        }
        if (result.Status is >= 400 and < 500 || result.Outcome is FetchOutcome.TooManyRedirects or FetchOutcome.Blocked)
            return Loaded(robotsUrl, result, RobotsRules.AllowAll, now + options.RobotsCacheTime);

        var retryAt = now + (RetryUnavailableAfter < options.RobotsCacheTime ? RetryUnavailableAfter : options.RobotsCacheTime);
        FetchLog.RobotsUnavailable(logger, robotsUrl, result.Error, retryAt);
        return new CachedRules(RobotsRules.AllowAll, retryAt);
    }

    private CachedRules Loaded(Uri robotsUrl, FetchResult result, RobotsRules rules, DateTimeOffset expires)
    {
        FetchLog.RobotsLoaded(logger, robotsUrl, result.Outcome, expires);
        return new CachedRules(rules, expires);
    }

    private static Uri RobotsUrl(Uri url) => new(url.GetLeftPart(UriPartial.Authority) + "/robots.txt");

    private sealed record CachedRules(RobotsRules Rules, DateTimeOffset Expires);
}
