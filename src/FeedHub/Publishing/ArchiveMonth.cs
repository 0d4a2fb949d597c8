using System.Globalization;
using FeedHub.Sources;

namespace FeedHub.Publishing;

/// <summary>
/// A calendar month in WIB, the unit of RFC 5005 archive documents: an item belongs to the month
/// its published time falls in at UTC+7 (an explicit offset, never the machine's zone), so an item
/// at 2025-11-30T18:00Z is a December item. The one place that knows the month arithmetic.
/// </summary>
public readonly record struct ArchiveMonth : IComparable<ArchiveMonth>
{
    /// <summary>WIB's offset; Indonesia keeps no daylight saving, so a fixed offset is exact.</summary>
    public static readonly TimeSpan Offset = TimeZones.Wib.BaseUtcOffset;

    private const string Format = "yyyy-MM";

    private ArchiveMonth(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    /// <summary>The first instant of the month, 00:00 WIB on its first day.</summary>
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, Offset);

    /// <summary>The first instant after the month (the next month's <see cref="Start"/>): a month is [Start, End).</summary>
    public DateTimeOffset End => Start.AddMonths(1);

    /// <summary>The WIB month <paramref name="time"/> falls in.</summary>
    public static ArchiveMonth Of(DateTimeOffset time)
    {
        var wib = time.ToOffset(Offset);
        return new ArchiveMonth(wib.Year, wib.Month);
    }

    /// <summary>The month a date lies in, e.g. the first days the store lists months by.</summary>
    public static ArchiveMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>
    /// Reads the canonical <c>yyyy-MM</c> form (<c>2025-11</c>); anything else (<c>2025-1</c>,
    /// <c>2025-13</c>, <c>2025-11-01</c>) is false. Years 2 to 9998 only, so that the month's
    /// <see cref="Start"/> and <see cref="End"/> fit a <see cref="DateTimeOffset"/> at +07:00.
    /// </summary>
    public static bool TryParse(string text, out ArchiveMonth month)
    {
        month = default;
        if (!DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year is < 2 or > 9998)
            return false;
        month = new ArchiveMonth(date.Year, date.Month);
        return month.ToString() == text;
    }

    /// <summary>The canonical <c>yyyy-MM</c> form, as archive paths carry it.</summary>
    public override string ToString() =>
        Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture);

    public int CompareTo(ArchiveMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(ArchiveMonth left, ArchiveMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(ArchiveMonth left, ArchiveMonth right) => left.CompareTo(right) > 0;
}
