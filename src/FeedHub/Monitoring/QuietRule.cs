namespace FeedHub.Monitoring;

/// <summary>
/// When a source counts as quiet: no new item for longer than <see cref="Multiplier"/> times the
/// median gap between its items of the last 90 days, and never sooner than <see cref="Floor"/>.
/// A regency that posts weekly is therefore not flagged after two days, one that posts daily is.
/// </summary>
public sealed record QuietRule
{
    /// <summary>The shortest silence ever called quiet (also used when there is too little history for a median).</summary>
    public TimeSpan Floor { get; init; } = TimeSpan.FromDays(3);
    /// <summary>How many usual gaps of silence make a source quiet.</summary>
    public double Multiplier { get; init; } = 3;

    /// <summary>The silence allowed for a source with these published times (any order).</summary>
    public TimeSpan AllowedSilence(IReadOnlyList<DateTimeOffset> recentPublished)
    {
        if (recentPublished.Count < 2) return Floor;
        var ordered = recentPublished.Order().ToList();
        var gaps = ordered.Zip(ordered.Skip(1), (earlier, later) => later - earlier).Order().ToList();
        var median = gaps.Count % 2 == 1
            ? gaps[gaps.Count / 2]
            : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2;
        var usual = median * Multiplier;
        return usual > Floor ? usual : Floor;
    }
}
