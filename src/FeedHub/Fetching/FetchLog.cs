using Microsoft.Extensions.Logging;

namespace FeedHub.Fetching;

/// <summary>The fetching layer's structured log events.</summary>
internal static partial class FetchLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "GET {Url} → {Status} {Outcome}, {Bytes} bytes in {ElapsedMs:0} ms")]
    public static partial void Hop(ILogger logger, Uri url, int status, string outcome, long bytes, double elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "GET {Url} failed ({Outcome}): {Error}")]
    public static partial void HopFailed(ILogger logger, Uri url, FetchOutcome outcome, string error);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "GET {Url} refused by the outbound policy: {Error}")]
    public static partial void Blocked(ILogger logger, Uri url, string error);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "{Host} asks for a pause of {RetryAfter} (Retry-After)")]
    public static partial void Deferred(ILogger logger, string host, TimeSpan retryAfter);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "robots.txt {Url}: {Outcome}, cached until {Expires:o}")]
    public static partial void RobotsLoaded(ILogger logger, Uri url, FetchOutcome outcome, DateTimeOffset expires);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "robots.txt {Url} unavailable, allowing all until {RetryAt:o}: {Error}")]
    public static partial void RobotsUnavailable(ILogger logger, Uri url, string? error, DateTimeOffset retryAt);
}
