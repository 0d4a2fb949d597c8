using FeedHub.Storage;

namespace FeedHub.Monitoring;

/// <summary>A source's status, the reason in words, and since when it holds (when known).</summary>
public sealed record SourceHealth(SourceStatus Status, string Reason, DateTimeOffset? Since)
{
    /// <summary>
    /// Judges one source. A failed last run wins (broken extraction or failing, by the stored failure
    /// kind); otherwise the source is quiet when its newest item is older than <paramref name="rule"/>
    /// allows for its own rhythm. Pure: the same inputs always give the same answer.
    /// </summary>
    public static SourceHealth Evaluate(SourceState? state, SourceActivity? activity, DateTimeOffset now, QuietRule rule)
    {
        if (state?.LastAttempt is null)
            return new SourceHealth(SourceStatus.Pending, "not crawled yet", null);
        if (state.ConsecutiveFailures > 0 || state.LastFailureKind != FailureKind.None)
        {
            var since = state.FailingSince ?? state.LastAttempt;
            var error = state.LastError ?? "the last run failed";
            return state.LastFailureKind == FailureKind.Extraction
                ? new SourceHealth(SourceStatus.BrokenExtraction, error, since)
                : new SourceHealth(SourceStatus.Failing, error, since);
        }
        if (activity?.Newest is not { } newest)
            return new SourceHealth(SourceStatus.Quiet, "no item stored yet", state.LastSuccess);
        var silence = now - newest.Published;
        var allowed = rule.AllowedSilence(activity.RecentPublished);
        return silence > allowed
            ? new SourceHealth(SourceStatus.Quiet,
                $"no new item for {Durations.Words(silence)} (usual rhythm allows {Durations.Words(allowed)})", newest.Published)
            : new SourceHealth(SourceStatus.Ok, "publishing", null);
    }
}
