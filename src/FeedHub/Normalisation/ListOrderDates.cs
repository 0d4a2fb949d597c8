using FeedHub.Extraction;

namespace FeedHub.Normalisation;

/// <summary>
/// Dates the items whose pages state no date by their place on the list (newest first): an undated
/// item sits between its dated neighbours, so it is spread evenly between their dates and recorded as
/// <see cref="DateSource.ListOrder"/> (an estimate). Left at first-seen, a first crawl would put months-old
/// undated stories at the head of every feed.
/// </summary>
public static class ListOrderDates
{
    /// <summary>How far past its only dated neighbour an undated item at the head of the list may be placed.</summary>
    public static readonly TimeSpan EndGap = TimeSpan.FromDays(1);

    /// <summary>
    /// <paramref name="listed"/> in list order, newest first, with every item that
    /// <paramref name="estimable"/> accepts and that has a dated neighbour re-dated; others unchanged.
    /// <paramref name="newer"/> is the date of the dated entry listed just above <paramref name="listed"/>
    /// (a stored story on the page a backfill resumes from), null when the list starts here; without it,
    /// <paramref name="firstSeen"/> bounds an estimate at the head. An undated item at the foot takes its newer
    /// neighbour's date: its older one, on a page not read yet, may be of the same day.
    /// </summary>
    public static IReadOnlyList<Item> Estimate(IReadOnlyList<Item> listed, Func<Item, bool> estimable, DateTimeOffset firstSeen, DateTimeOffset? newer = null)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(estimable);
        var result = listed.ToArray();
        for (var start = 0; start < result.Length;)
        {
            if (!estimable(result[start])) { start++; continue; }
            var end = start;
            while (end + 1 < result.Length && estimable(result[end + 1])) end++;
            var above = Dated(result, start - 1, -1) ?? newer;
            var below = Dated(result, end + 1, +1);
            if (Bounds(above, below, firstSeen) is var (upper, lower))
            {
                var count = end - start + 1;
                for (var i = start; i <= end; i++)
                {
                    var share = (double)(end - i + 1) / (count + 1);
                    var at = lower + TimeSpan.FromTicks((long)((upper - lower).Ticks * share));
                    result[i] = result[i] with
                    {
                        Published = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(result[i].Published.Offset),
                        DateSource = DateSource.ListOrder,
                    };
                }
            }
            start = end + 1;
        }
        return result;
    }

    /// <summary>The nearest item from <paramref name="from"/> in <paramref name="step"/> direction whose date its page stated.</summary>
    private static DateTimeOffset? Dated(Item[] items, int from, int step)
    {
        for (var i = from; i >= 0 && i < items.Length; i += step)
            if (items[i].DateSource is not (DateSource.FirstSeen or DateSource.ListOrder)) return items[i].Published;
        return null;
    }

    private static (DateTimeOffset Upper, DateTimeOffset Lower)? Bounds(DateTimeOffset? newer, DateTimeOffset? older, DateTimeOffset firstSeen) =>
        (newer, older) switch
        {
            ({ } n, { } o) when n >= o => (n, o),
            (_, { } o) => (o + Clamp(firstSeen - o, TimeSpan.Zero, EndGap), o),
            ({ } n, null) => (n, n),
            _ => null,
        };

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
