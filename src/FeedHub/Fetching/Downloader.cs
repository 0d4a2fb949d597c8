using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace FeedHub.Fetching;

/// <summary>How a body beyond the cap is treated: pages are refused (TooLarge); robots.txt is cut short (RFC 9309).</summary>
internal readonly record struct BodyLimit(long Bytes, bool Truncate);

/// <summary>A finished GET: the result without a decoded body, and the raw bytes when it succeeded.</summary>
internal sealed record Download(FetchResult Result, byte[]? Body);

/// <summary>
/// Performs one GET the polite way, whatever the document is for: every hop (redirects are followed by
/// hand) is vetted by the <see cref="OutboundPolicy"/> and an optional caller check such as robots.txt,
/// passes the <see cref="HostGate"/>, is bounded by the total timeout and the body cap, and ends as a
/// <see cref="FetchResult"/> value. Caller cancellation is the only exception that escapes.
/// </summary>
internal sealed class Downloader(HttpClient client, HostGate gate, OutboundPolicy outbound, FetchOptions options, TimeProvider time, ILogger logger)
{
    private const string Accept = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/feed+json,*/*;q=0.8";
    private const string AcceptLanguage = "id,en;q=0.8";

    /// <summary>
    /// Fetches <paramref name="url"/>. <paramref name="vetHop"/> may veto a hop before it is sent by
    /// returning the reason (e.g. robots.txt); it runs outside the gate, so it may fetch itself.
    /// </summary>
    public async Task<Download> GetAsync(
        Uri url, Validators? validators, BodyLimit limit,
        Func<Uri, CancellationToken, Task<string?>>? vetHop, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var download = await FollowAsync(url, validators, limit, vetHop, cancellationToken).ConfigureAwait(false);
        return download with
        {
            Result = download.Result with { RequestedUrl = url, StartedAt = startedAt, Duration = time.GetElapsedTime(started) },
        };
    }

    private async Task<Download> FollowAsync(
        Uri url, Validators? validators, BodyLimit limit,
        Func<Uri, CancellationToken, Task<string?>>? vetHop, CancellationToken cancellationToken)
    {
        var visited = new HashSet<Uri> { url };
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (outbound.RefusalOf(current) is { } refusal)
            {
                FetchLog.Blocked(logger, current, refusal);
                return Failed(current, FetchOutcome.Blocked, $"GET {current} blocked: {refusal}");
            }
            if (vetHop is not null && await vetHop(current, cancellationToken).ConfigureAwait(false) is { } veto)
                return Failed(current, FetchOutcome.RobotsDisallowed, veto);

            var (download, location) = await SendAsync(current, validators, limit, cancellationToken).ConfigureAwait(false);
            if (location is null)
                return current == url || download.Result.Error is not { } error
                    ? download
                    : download with { Result = download.Result with { Error = $"{error} (redirected from {url})" } };

            var next = new Uri(current, location);
            if (redirects == options.MaxRedirects)
                return Failed(current, FetchOutcome.TooManyRedirects, $"GET {url}: more than {options.MaxRedirects} redirects (next would be {next})", download.Result.Status);
            if (!visited.Add(next))
                return Failed(current, FetchOutcome.TooManyRedirects, $"GET {url}: redirect loop, {current} leads back to {next}", download.Result.Status);
            outbound.AdmitRedirectTarget(next);
            current = next;
        }
    }

    /// <summary>One request through the gate; returns the redirect target instead of a result when there is one.</summary>
    private async Task<(Download Download, Uri? Location)> SendAsync(Uri url, Validators? validators, BodyLimit limit, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(url, cancellationToken).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(options.TotalTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = NewRequest(url, validators);
        var started = time.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var hop = await ReadAsync(url, response, validators, limit, linked.Token).ConfigureAwait(false);
            var result = hop.Download.Result;
            var outcome = hop.Location is null ? result.Outcome.ToString() : $"redirect to {hop.Location}";
            FetchLog.Hop(logger, url, result.Status, outcome, result.Bytes, time.GetElapsedTime(started).TotalMilliseconds);
            return hop;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException or SocketException or InvalidDataException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var failure = Failure(url, e, timedOut: timeout.IsCancellationRequested);
            FetchLog.HopFailed(logger, url, failure.Result.Outcome, failure.Result.Error!);
            return (failure, null);
        }
    }

    private async Task<(Download Download, Uri? Location)> ReadAsync(
        Uri url, HttpResponseMessage response, Validators? sent, BodyLimit limit, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            return (Failed(url, FetchOutcome.HttpError, $"GET {url}: HTTP {status} redirect to {location}", status), location);

        var result = new FetchResult
        {
            RequestedUrl = url,
            FinalUrl = url,
            Outcome = FetchOutcome.Ok,
            Status = status,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            Validators = ValidatorsOf(response),
        };
        if (status == 304)
            return (new Download(result with { Outcome = FetchOutcome.NotModified, Validators = result.Validators.IsEmpty ? sent ?? Validators.None : result.Validators }, null), null);

        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = status is 429 or 503 ? RetryAfterOf(response) : null;
            if (retryAfter is { } delay)
            {
                gate.Defer(url, delay);
                FetchLog.Deferred(logger, HostGate.HostKey(url), delay);
            }
            var wait = retryAfter is { } d ? $" (retry after {Seconds(d)})" : "";
            return (new Download(result with
            {
                Outcome = FetchOutcome.HttpError,
                RetryAfter = retryAfter,
                Error = $"GET {url}: HTTP {status} {response.ReasonPhrase}{wait}",
            }, null), null);
        }

        if (!limit.Truncate && response.Content.Headers.ContentLength is { } length && length > limit.Bytes)
            return (new Download(result with
            {
                Outcome = FetchOutcome.TooLarge,
                Error = $"GET {url}: Content-Length of {length} bytes exceeds the {Size(limit.Bytes)} cap",
            }, null), null);

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = await BodyReader.ReadAsync(stream, limit.Bytes, cancellationToken).ConfigureAwait(false);
            if (body.ExceededCap && !limit.Truncate)
                return (new Download(result with
                {
                    Outcome = FetchOutcome.TooLarge,
                    Bytes = body.Bytes.Length,
                    Error = $"GET {url}: body exceeds the {Size(limit.Bytes)} cap",
                }, null), null);
            return (new Download(result with { Bytes = body.Bytes.Length }, body.Bytes), null);
        }
    }

    private HttpRequestMessage NewRequest(Uri url, Validators? validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("Accept-Language", AcceptLanguage);
        if (validators?.ETag is { } etag)
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators?.LastModified is { } lastModified)
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        return request;
    }

    private static Validators ValidatorsOf(HttpResponseMessage response) => new(
        response.Headers.TryGetValues("ETag", out var etags) ? etags.FirstOrDefault() : null,
        response.Content.Headers.TryGetValues("Last-Modified", out var dates) ? dates.FirstOrDefault() : null);

    /// <summary>Retry-After as a delay from now: delta-seconds as given, an HTTP-date relative to the TimeProvider's clock.</summary>
    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private Download Failure(Uri url, Exception e, bool timedOut)
    {
        if (timedOut)
            return Failed(url, FetchOutcome.Timeout, $"GET {url} timed out after {Seconds(options.TotalTimeout)}");
        if (Find<OutboundRefusedException>(e) is { } refused)
        {
            FetchLog.Blocked(logger, url, refused.Message);
            return Failed(url, FetchOutcome.Blocked, $"GET {url} blocked: {refused.Message}");
        }
        if (e is OperationCanceledException || Find<TimeoutException>(e) is not null)
            return Failed(url, FetchOutcome.Timeout, $"GET {url}: connecting timed out after {Seconds(options.ConnectTimeout)}");
        var innermost = e;
        while (innermost.InnerException is not null)
            innermost = innermost.InnerException;
        // Whether a dropped connection surfaces as a reset, a broken pipe or a cut-short response depends
        // only on timing; the operator needs the one cause.
        if (WasReset(e))
            return Failed(url, FetchOutcome.NetworkError, $"GET {url} failed: the server reset the connection ({innermost.Message})");
        return Failed(url, FetchOutcome.NetworkError, $"GET {url} failed: {innermost.Message}");
    }

    private static bool WasReset(Exception e) =>
        Find<SocketException>(e)?.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown
        || Find<HttpIOException>(e)?.HttpRequestError is HttpRequestError.ResponseEnded
        || Find<HttpRequestException>(e)?.HttpRequestError is HttpRequestError.ResponseEnded;

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found)
                return found;
        return null;
    }

    private static Download Failed(Uri url, FetchOutcome outcome, string error, int status = 0) =>
        new(new FetchResult { RequestedUrl = url, FinalUrl = url, Outcome = outcome, Status = status, Error = error }, null);

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB"),
        >= 1024 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
