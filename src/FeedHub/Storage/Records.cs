using FeedHub.Extraction;
using FeedHub.Fetching;
using FeedHub.Normalisation;

namespace FeedHub.Storage;

/// <summary>Why a source's last run failed, for the dashboard's status.</summary>
public enum FailureKind
{
    None,
    /// <summary>Network or HTTP failure: the site did not answer properly.</summary>
    Fetch,
    /// <summary>The site answered, but yielded no article links, titles or dates.</summary>
    Extraction,
    /// <summary>The run could not be stored: the database was busy, full, read-only or gone.</summary>
    Storage,
}

/// <summary>Per-source scheduling and health state, one row per source.</summary>
public sealed record SourceState
{
    public required string SourceId { get; init; }
    public DateTimeOffset? LastAttempt { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public string? LastError { get; init; }
    public FailureKind LastFailureKind { get; init; }
    public int ConsecutiveFailures { get; init; }
    /// <summary>Start of the current failure streak (null when the last run succeeded).</summary>
    public DateTimeOffset? FailingSince { get; init; }
    public DateTimeOffset? NextDue { get; init; }
    /// <summary>Deepest list page reached by backfill, per category ("104" → 12), as JSON.</summary>
    public string? BackfillPosition { get; init; }

    public static SourceState New(string sourceId) => new() { SourceId = sourceId };
}

/// <summary>One row of the fetch log.</summary>
public sealed record FetchLogEntry(
    string SourceId, string Url, DateTimeOffset StartedAt, int Status, FetchOutcome Outcome,
    long Bytes, TimeSpan Duration, string? Error)
{
    public static FetchLogEntry From(string sourceId, FetchResult r) =>
        new(sourceId, r.RequestedUrl.AbsoluteUri, r.StartedAt, r.Status, r.Outcome, r.Bytes, r.Duration, r.Error);
}

/// <summary>What the store already knows of an item, enough to decide new/updated/unchanged.</summary>
/// <param name="Slug">The identity slug (see <c>ItemIdentity</c>): how a slug-only link finds an id-form item.</param>
public sealed record KnownItem(
    string Id, string Slug, string Link, string ContentHash, string? ListFingerprint,
    DateTimeOffset Published, DateSource DateSource, DateTimeOffset FirstSeen, int Version, string? Category = null,
    string? Title = null, string? ContentHtml = null);

/// <summary>An item to write, with its identity slug and the list-entry fingerprint it was seen under.</summary>
/// <param name="SameContentAs">
/// For a moved item (<see cref="Normalisation.ItemChange.Moved"/>): the stored hash its content was found equal
/// to. While the store still holds that hash, link, category, body and image are rewritten without a new version.
/// </param>
public sealed record ItemWrite(Item Item, string Slug, string? ListFingerprint, string? SameContentAs = null);

/// <summary>Everything one run of one source writes; committed in one transaction.</summary>
public sealed record SourceRun
{
    public required string SourceId { get; init; }
    public IReadOnlyList<ItemWrite> Items { get; init; } = [];
    /// <summary>The source's state after the run; null for an intermediate batch of a run still going, which leaves it as it is.</summary>
    public required SourceState? State { get; init; }
    public IReadOnlyList<FetchLogEntry> Fetches { get; init; } = [];
    /// <summary>Conditional-GET validators to remember, by URL.</summary>
    public IReadOnlyDictionary<string, Validators> Validators { get; init; } = new Dictionary<string, Validators>();
    /// <summary>Known items whose list fingerprint changed without a content change (no version bump).</summary>
    public IReadOnlyDictionary<string, string> Fingerprints { get; init; } = new Dictionary<string, string>();
}

public sealed record CommitResult(int New, int Updated, int Unchanged);

/// <summary>Keyset position for paging through history, newest first.</summary>
public sealed record ItemCursor(DateTimeOffset Published, string Id);

/// <summary>A filtered, bounded read of stored items, newest first (published desc, id desc).</summary>
public sealed record ItemFilter
{
    public IReadOnlyList<string>? SourceIds { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset? Since { get; init; }
    /// <summary>Only items published strictly before this time (a month's end, for archives).</summary>
    public DateTimeOffset? Until { get; init; }
    /// <summary>FTS5 query over title and content.</summary>
    public string? Text { get; init; }
    public int Limit { get; init; } = 50;
    /// <summary>Only items strictly older than this position.</summary>
    public ItemCursor? Before { get; init; }
}
