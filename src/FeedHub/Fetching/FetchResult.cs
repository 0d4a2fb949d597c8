namespace FeedHub.Fetching;

public enum FetchOutcome
{
    /// <summary>2xx with a decoded body.</summary>
    Ok,
    /// <summary>304: the stored copy is current; nothing to parse.</summary>
    NotModified,
    /// <summary>A non-success HTTP status (4xx/5xx, including 429/503 with Retry-After).</summary>
    HttpError,
    /// <summary>Connect or total timeout, or a server that stopped sending.</summary>
    Timeout,
    /// <summary>DNS failure, refused or reset connection, TLS failure.</summary>
    NetworkError,
    /// <summary>The body exceeded the size cap while streaming.</summary>
    TooLarge,
    /// <summary>More redirects than allowed, or a redirect loop.</summary>
    TooManyRedirects,
    /// <summary>robots.txt disallows the URL for our User-Agent.</summary>
    RobotsDisallowed,
    /// <summary>The URL's host is not one FeedHub may contact (see <see cref="OutboundPolicy"/>).</summary>
    Blocked,
}

/// <summary>Stored conditional-GET validators of one URL.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static readonly Validators None = new(null, null);
    public bool IsEmpty => ETag is null && LastModified is null;
}

public sealed record FetchRequest(Uri Url, Validators? Validators = null);

/// <summary>What one polite GET produced. Never thrown: failures are values with a reason.</summary>
public sealed record FetchResult
{
    public required Uri RequestedUrl { get; init; }
    /// <summary>The URL after redirects.</summary>
    public required Uri FinalUrl { get; init; }
    public required FetchOutcome Outcome { get; init; }
    /// <summary>HTTP status, or 0 when no response arrived.</summary>
    public int Status { get; init; }
    /// <summary>The decoded body (Ok only).</summary>
    public string? Body { get; init; }
    public string? ContentType { get; init; }
    /// <summary>Validators to store for the next conditional GET.</summary>
    public Validators Validators { get; init; } = Validators.None;
    /// <summary>Server's Retry-After on 429/503, as a delay from the response time.</summary>
    public TimeSpan? RetryAfter { get; init; }
    public long Bytes { get; init; }
    public TimeSpan Duration { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>A reason in words, for operators (null when Ok/NotModified).</summary>
    public string? Error { get; init; }

    public bool IsSuccess => Outcome is FetchOutcome.Ok or FetchOutcome.NotModified;
}

/// <summary>Fetches one URL politely (robots.txt, per-host gate, caps). Implemented by <c>PoliteFetcher</c>.</summary>
public interface IFetcher
{
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
