using System.Globalization;
using System.Text.RegularExpressions;
using FeedHub.Sources;

namespace FeedHub.Normalisation;

/// <summary>
/// Reads the dates KPU operators type into pages ("Kamis (2/10)", "Semarang, 6 Oktober 2025-", "01-12-2026",
/// "08 May 2020", "pukul 14.00 WITA") as well as machine dates (ISO 8601, RFC 3339, RFC 822/1123).
/// Everything is explicit: invariant digits, a fixed month table, and the zone from the context,
/// so the result never depends on the machine's culture or zone.
/// </summary>
/// <remarks>
/// A numeric date without a year is only read inside brackets ("(2/10)", the observed form), so that
/// ratios and regulation numbers in prose are not taken for dates. Weekday names are not matched at all:
/// they may precede a date without affecting it.
/// </remarks>
public static class IndonesianDateParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly Regex DateExpression = BuildDateExpression();

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// Reads the first date expression in <paramref name="text"/> (a meta value, a date element, an
    /// API field). Dates without a time are 00:00 in the context's zone, or first-seen on its own day.
    /// </summary>
    public static bool TryParse(string text, DateParseContext ctx, out DateTimeOffset value)
    {
        foreach (var found in FindAll(text, ctx))
        {
            value = found.Value;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Every valid date expression in <paramref name="prose"/>, in reading order.</summary>
    public static IEnumerable<FoundDate> FindAll(string prose, DateParseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(prose);
        ArgumentNullException.ThrowIfNull(ctx);
        for (var match = DateExpression.Match(prose); match.Success; match = match.NextMatch())
        {
            if (TryRead(match, ctx, out var value))
                yield return new FoundDate(value, match.Index, match.Length, match.Groups["hour"].Success);
        }
    }

    private static bool TryRead(Match m, DateParseContext ctx, out DateTimeOffset value)
    {
        value = default;
        var day = Number(m.Groups["day"]);
        var month = m.Groups["monthName"].Success
            ? Months[m.Groups["monthName"].Value]
            : Number(m.Groups["month"]);
        if (!TryDate(m.Groups["year"], month, day, ctx, out var date))
            return false;

        if (!m.Groups["hour"].Success)
        {
            var seen = ctx.FirstSeenInZone;
            if (DateOnly.FromDateTime(seen.DateTime) != date)
                return TryInZone(date.ToDateTime(TimeOnly.MinValue), ctx.Zone, out value);
            value = seen;
            return true;
        }

        var hour = Number(m.Groups["hour"]);
        var minute = Number(m.Groups["minute"]);
        var second = m.Groups["second"].Success ? Number(m.Groups["second"]) : 0;
        if (hour > 23 || minute > 59 || second > 59)
            return false;
        var local = date.ToDateTime(new TimeOnly(hour, minute, second));
        if (!m.Groups["zone"].Success)
            return TryInZone(local, ctx.Zone, out value);
        if (ZoneOffset(m.Groups["zone"].Value) is not { } offset)
            return false;
        return TryInstant(local, offset, out value);
    }

    /// <summary>
    /// A calendar date; a missing year is first-seen's year, or the year before when that would put the
    /// date more than a day after first-seen ("(30/12)" seen on 2 January).
    /// </summary>
    private static bool TryDate(Group yearGroup, int month, int day, DateParseContext ctx, out DateOnly date)
    {
        if (yearGroup.Success)
            return TryCalendar(Number(yearGroup), month, day, out date);

        var seen = DateOnly.FromDateTime(ctx.FirstSeenInZone.DateTime);
        if (TryCalendar(seen.Year, month, day, out date) && date.DayNumber - seen.DayNumber <= 1)
            return true;
        return TryCalendar(seen.Year - 1, month, day, out date);
    }

    private static bool TryCalendar(int year, int month, int day, out DateOnly date)
    {
        var valid = year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1
            && day <= DateTime.DaysInMonth(year, month);
        date = valid ? new DateOnly(year, month, day) : default;
        return valid;
    }

    private static bool TryInZone(DateTime local, TimeZoneInfo zone, out DateTimeOffset value) =>
        TryInstant(local, zone.GetUtcOffset(local), out value);

    /// <summary>
    /// A page can state a wall time whose instant lies outside what DateTimeOffset holds ("0001-01-01"
    /// east of UTC, "9999-12-31T23:00-14:00") or an offset beyond ±14 hours ("+14:59"); such a date is
    /// no date, never an exception that would lose the rest of the run.
    /// </summary>
    private static bool TryInstant(DateTime local, TimeSpan offset, out DateTimeOffset value)
    {
        value = default;
        if (offset.Duration() > MaxOffset)
            return false;
        var ticks = local.Ticks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            return false;
        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        return true;
    }

    private static TimeSpan? ZoneOffset(string zone)
    {
        if (zone[0] is '+' or '-')
        {
            var digits = zone.Replace(":", "", StringComparison.Ordinal);
            var hours = int.Parse(digits.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
                return null;
            var offset = new TimeSpan(hours, minutes, 0);
            return zone[0] == '-' ? -offset : offset;
        }
        return TimeZones.OffsetOf(zone) ?? zone.ToUpperInvariant() switch
        {
            "Z" or "UT" or "UTC" or "GMT" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" => TimeSpan.FromHours(-6),
            "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            _ => null,
        };
    }

    private static int Number(Group group) =>
        int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["januari", "january", "jan"],
            ["februari", "february", "pebruari", "feb", "peb"],
            ["maret", "march", "mar"],
            ["april", "apr"],
            ["mei", "may"],
            ["juni", "june", "jun"],
            ["juli", "july", "jul"],
            ["agustus", "august", "agu", "agt", "ags", "aug"],
            ["september", "sept", "sep"],
            ["oktober", "october", "okt", "oct"],
            ["november", "nopember", "nov", "nop"],
            ["desember", "december", "des", "dec"],
        ];
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
            foreach (var name in names[i])
                months.Add(name, i + 1);
        return months;
    }

    private static Regex BuildDateExpression()
    {
        // Longest names first, so "Maret" is not read as "Mar" followed by junk.
        var monthName = "(?<monthName>" + string.Join("|", Months.Keys.OrderByDescending(k => k.Length)) + @")\.?(?![a-z])";
        const string year = "(?<year>[0-9]{4})(?![0-9])";
        const string zone = @"(?<zone>WITA|WIB|WIT|GMT|UTC|UT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z|[+-][0-9]{2}:?[0-9]{2})(?![a-z0-9])";
        // "(29/3/2023) pukul 09.00 WIB", "6 Oktober 2025, 10:30 WIB", "Mon, 06 Oct 2025 09:15:00 +0700".
        const string timeOfDay = @"(?:[\s,|]*[)\]]?[\s,|]*(?:(?:pukul|pkl\.?|jam)\s*)?"
            + @"(?<hour>[0-9]{1,2})[:.](?<minute>[0-9]{2})(?:[:.](?<second>[0-9]{2}))?(?![0-9])(?:\s*" + zone + ")?)?";
        const string iso = @"(?<![0-9])(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})(?![0-9])"
            + @"(?:[T\x20](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:[.,][0-9]+)?)?\s*" + "(?:" + zone + ")?)?";
        // "29/3/2023", and with one separator repeated "01-12-2026" or "01.12.2026"; the four-digit year keeps ranges and amounts out.
        const string numeric = @"(?<![0-9/.:-])(?<day>[0-9]{1,2})(?<separator>[/.-])(?<month>[0-9]{1,2})\k<separator>" + year + "(?![/.-][0-9])";
        const string bracketedNoYear = @"(?<=[(\[]\s*)(?<day>[0-9]{1,2})/(?<month>[0-9]{1,2})(?=\s*[)\]])";
        var dayMonthYear = @"(?<![0-9])(?<day>[0-9]{1,2})[\s-]*" + monthName + @",?[\s-]*" + year;
        var monthDayYear = @"(?<![a-z])" + monthName + @"\s+(?<day>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+" + year;

        var pattern = $"{iso}|(?:{numeric}|{bracketedNoYear}|{dayMonthYear}|{monthDayYear}){timeOfDay}";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }
}
