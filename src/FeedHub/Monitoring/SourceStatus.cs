namespace FeedHub.Monitoring;

/// <summary>What the provincial office needs to know of one source at a glance.</summary>
public enum SourceStatus
{
    /// <summary>Never crawled yet: nothing to judge.</summary>
    Pending,
    /// <summary>The last run succeeded and the source publishes at its usual rhythm.</summary>
    Ok,
    /// <summary>The last run succeeded, but no new item for longer than the source's own rhythm allows.</summary>
    Quiet,
    /// <summary>The site did not answer properly (network or HTTP errors).</summary>
    Failing,
    /// <summary>The site answers but yields no article links, titles or dates: a template change or a maintenance page.</summary>
    BrokenExtraction,
}

/// <summary>The words and the CSS/JSON name of each status; the dashboard never shows colour alone.</summary>
public static class SourceStatuses
{
    /// <summary>Stable lower-case name for JSON, metrics labels, CSS classes and <c>?sort=</c>.</summary>
    public static string Slug(this SourceStatus status) => status switch
    {
        SourceStatus.Pending => "pending",
        SourceStatus.Ok => "ok",
        SourceStatus.Quiet => "quiet",
        SourceStatus.Failing => "failing",
        SourceStatus.BrokenExtraction => "broken",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown source status."),
    };

    /// <summary>The label a person reads.</summary>
    public static string Label(this SourceStatus status) => status switch
    {
        SourceStatus.Pending => "pending",
        SourceStatus.Ok => "ok",
        SourceStatus.Quiet => "quiet",
        SourceStatus.Failing => "failing",
        SourceStatus.BrokenExtraction => "broken extraction",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown source status."),
    };

    /// <summary>How urgently an operator should look: broken first, then failing, quiet, pending, ok.</summary>
    public static int Severity(this SourceStatus status) => status switch
    {
        SourceStatus.BrokenExtraction => 4,
        SourceStatus.Failing => 3,
        SourceStatus.Quiet => 2,
        SourceStatus.Pending => 1,
        _ => 0,
    };
}
