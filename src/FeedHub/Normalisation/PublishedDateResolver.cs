using FeedHub.Extraction;

namespace FeedHub.Normalisation;

/// <summary>The published time chosen for an item, and where it came from (stored with the item).</summary>
public sealed record ResolvedDate(DateTimeOffset Published, DateSource Source);

/// <summary>
/// Picks an item's published time from the dates found on its page, most trusted first, skipping
/// dates that cannot be right (in the future, or typos such as "5 April 2013" for 2023). When none
/// is usable the item is dated when FeedHub first saw it.
/// </summary>
public static class PublishedDateResolver
{
    /// <summary>How far after first-seen a date may lie (operators date news a day ahead; clocks drift).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(2);

    /// <summary>How far before first-seen a date on a fresh crawl may lie before it is taken for a typo.</summary>
    public static readonly TimeSpan MaxBehindWhenFresh = TimeSpan.FromDays(30);

    /// <summary>
    /// How far before its newer neighbour a date on a deeper page may lie. Year typos are off by a
    /// year or more; a regency that is silent for half a year is not.
    /// </summary>
    public static readonly TimeSpan MaxBehindNeighbour = TimeSpan.FromDays(180);

    /// <summary>Older than this is never a news date of these sites, whatever the crawl.</summary>
    public const int MaxAgeYears = 20;

    /// <summary>
    /// The first plausible date among <paramref name="candidates"/> (highest priority first), in the
    /// context's zone. A body-text candidate is prose: only the first date in it counts.
    /// </summary>
    public static ResolvedDate Resolve(IReadOnlyList<DateCandidate> candidates, DateParseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (var candidate in candidates)
        {
            if (Read(candidate, ctx) is { } value && IsPlausible(value, ctx))
                return new ResolvedDate(TimeZoneInfo.ConvertTime(value, ctx.Zone), candidate.Source);
        }
        return new ResolvedDate(ctx.FirstSeenInZone, DateSource.FirstSeen);
    }

    private static DateTimeOffset? Read(DateCandidate candidate, DateParseContext ctx)
    {
        if (candidate.Source == DateSource.BodyText)
            return IndonesianDateParser.FindAll(candidate.Text, ctx).FirstOrDefault()?.Value;
        return IndonesianDateParser.TryParse(candidate.Text, ctx, out var value) ? value : null;
    }

    private static bool IsPlausible(DateTimeOffset value, DateParseContext ctx)
    {
        if (value > ctx.FirstSeen + MaxAhead)
            return false;
        if (value < ctx.FirstSeen.AddYears(-MaxAgeYears))
            return false;
        if (ctx.Fresh)
            return value >= ctx.FirstSeen - MaxBehindWhenFresh;
        return ctx.Neighbour is not { } neighbour || value >= neighbour - MaxBehindNeighbour;
    }
}
