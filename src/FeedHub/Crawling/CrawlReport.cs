using FeedHub.Normalisation;
using FeedHub.Storage;

namespace FeedHub.Crawling;

/// <summary>How deep and how carefully one crawl of one source goes.</summary>
public sealed record CrawlOptions
{
    /// <summary>List pages followed per category while a page holds only unknown articles.</summary>
    public int MaxPages { get; init; } = 3;
    /// <summary>First list page to read (backfill resumes deeper).</summary>
    public int FirstPage { get; init; } = 1;
    /// <summary>Fetch and extract, but write nothing (preview).</summary>
    public bool DryRun { get; init; }
    /// <summary>Walk every page up to <see cref="MaxPages"/> even when pages hold known articles (backfill).</summary>
    public bool Backfill { get; init; }
    /// <summary>Entries taken from one list page, in page order; the rest are ignored (a hostile page may list 50k).</summary>
    public int MaxEntriesPerListPage { get; init; } = DefaultMaxEntriesPerListPage;
    /// <summary>Article pages fetched in one run; the entries left are read by the next runs.</summary>
    public int MaxArticlesPerRun { get; init; } = DefaultMaxArticlesPerRun;
    /// <summary>Items stored per transaction while a run goes on, so a crash or the cap loses nothing already fetched.</summary>
    public int CommitEvery { get; init; } = DefaultCommitEvery;

    /// <summary>UTF-8 bytes of sanitised HTML stored per item; longer content is cut and marked (see <see cref="ContentCap"/>).</summary>
    public int MaxContentBytes { get; init; } = ContentCap.DefaultMaxBytes;

    public const int DefaultMaxEntriesPerListPage = 200;
    public const int DefaultMaxArticlesPerRun = 500;
    public const int DefaultCommitEvery = 50;
}

public enum CrawlOutcome
{
    Ok,
    Failed,
}

/// <summary>One article that could not be fetched or extracted; the rest of the run goes on.</summary>
public sealed record ArticleError(string Url, string Error);

/// <summary>The result of one crawl of one source, for the command line, the scheduler and the logs.</summary>
public sealed record CrawlReport
{
    public required string SourceId { get; init; }
    public required CrawlOutcome Outcome { get; init; }
    public FailureKind FailureKind { get; init; }
    /// <summary>The reason in words when the run failed.</summary>
    public string? Error { get; init; }
    public int New { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public IReadOnlyList<ArticleError> ArticleErrors { get; init; } = [];
    /// <summary>The site asked us to come back no earlier than this (429/503 Retry-After).</summary>
    public DateTimeOffset? RetryAt { get; init; }
    public int Requests { get; init; }
    public TimeSpan Duration { get; init; }
    /// <summary>Deepest list page that listed articles, per category (an empty page past the end of history does not count).</summary>
    public IReadOnlyDictionary<int, int> DeepestPage { get; init; } = new Dictionary<int, int>();
    /// <summary>In a dry run, the items that would be written; empty otherwise (they are in the store).</summary>
    public IReadOnlyList<Item> Items { get; init; } = [];

    /// <summary>The one-line summary `feedhub crawl` prints per source.</summary>
    public string Summary => Outcome == CrawlOutcome.Ok
        ? $"{SourceId}: ok — {New} new, {Updated} updated, {Unchanged} unchanged" +
          (ArticleErrors.Count > 0 ? $", {ArticleErrors.Count} article(s) failed (first: {ArticleErrors[0].Url}: {ArticleErrors[0].Error})" : "")
        : $"{SourceId}: failed: {Error}";
}
