using FeedHub.Extraction;

namespace FeedHub.Normalisation;

/// <summary>The published time chosen for an item, and where it came from (stored with the item).</summary>
public sealed record ResolvedDate(DateTimeOffset Published, DateSource Source);

/// <summary>
/// Picks an item's published time from the dates found on its page, most trusted first, skipping
/// dates that cannot be right (over two days in the future, impossibly old). A date the page states is
/// used whatever its age: sparse posters, first crawls and migrated archives all show old dates. A year
/// typo ("5 April 2013" or "2024" among 2023 items) is mended to the newer neighbour's year (or the one before).
/// When no date is usable the item is dated when FeedHub first saw it.
/// </summary>
public static class PublishedDateResolver
{
    /// <summary>How far after first-seen a date may lie (operators date news a day ahead; clocks drift).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(2);

    /// <summary>
    /// How far before its newer list neighbour a date a decade older may lie before it is taken for a
    /// year typo; a regency that is silent for months is not one.
    /// </summary>
    public static readonly TimeSpan MaxBehindNeighbour = TimeSpan.FromDays(366);

    /// <summary>
    /// How far after its newer list neighbour (or first-seen, at the head of a list) a date in a later
    /// year may lie before it is taken for a year typo ("2024" typed for 2023); lists are newest first,
    /// give or take a late post.
    /// </summary>
    public static readonly TimeSpan MaxAheadOfNeighbour = TimeSpan.FromDays(30);

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
            // Prose or a meta value alike: the first date in the text counts.
            if (IndonesianDateParser.FindAll(candidate.Text, ctx).FirstOrDefault() is { } found
                && Plausible(found.Value, candidate.Source, ctx) is { } plausible)
            {
                var published = TimeZoneInfo.ConvertTime(plausible, ctx.Zone);
                return new ResolvedDate(found.HasTime ? published : Midday(published, ctx), candidate.Source);
            }
        }
        return new ResolvedDate(ctx.FirstSeenInZone, DateSource.FirstSeen);
    }

    /// <summary>
    /// A date without a time of day is placed at noon of its day (in the source's zone), never after first-seen:
    /// stories go up in office hours, so noon ranks a day-only story fairly among that day's timed ones (midnight put
    /// every one of them below all timed stories of its day), and its calendar day stays the same read in UTC.
    /// </summary>
    private static DateTimeOffset Midday(DateTimeOffset day, DateParseContext ctx)
    {
        var noon = new DateTimeOffset(day.Date.AddHours(12), day.Offset);
        var seen = ctx.FirstSeenInZone;
        return noon > seen && day.Date == seen.Date ? seen : noon;
    }

    /// <summary>
    /// The value itself, its year-typo mend, or null when neither can be right. Only a date an operator typed into
    /// the text is mended: a CMS or template date has no typo, and a sticky post or an imported archive that puts an
    /// older story above it on the list must not drag it into that story's year.
    /// </summary>
    private static DateTimeOffset? Plausible(DateTimeOffset value, DateSource source, DateParseContext ctx)
    {
        if (value < ctx.FirstSeen.AddYears(-MaxAgeYears))
            return null;
        if (source != DateSource.BodyText)
            return value <= ctx.FirstSeen + MaxAhead ? value : null;
        // The head of a list has no newer neighbour; the crawl moment bounds it instead.
        var newer = ctx.Neighbour ?? ctx.FirstSeen;
        // A slipped tens digit ("2013" for 2023) is a typo; a few years back is a migrated archive.
        var decadeSlip = value < newer - MaxBehindNeighbour && newer.Year - value.Year is 10 or 11;
        // One year ahead ("2024" typed for 2023); years ahead is a newer story below an old one, no typo.
        var yearAhead = value.Year == newer.Year + 1 && value > newer + MaxAheadOfNeighbour;
        if (!decadeSlip && !yearAhead)
            return value <= ctx.FirstSeen + MaxAhead ? value : null;
        var mended = value.AddYears(newer.Year - value.Year);
        if (mended > newer + MaxAhead)
            mended = mended.AddYears(-1);
        return mended <= ctx.FirstSeen + MaxAhead ? mended : null;
    }
}
