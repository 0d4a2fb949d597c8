namespace FeedHub.Fixtures;

/// <summary>
/// Writes an article's lead the way operators type it: the date in one of the §5 forms, as a
/// dateline before the first paragraph or in its last sentence. <c>{body}</c> marks the paragraph.
/// </summary>
internal static class DatedLead
{
    public const string Body = "{body}";

    public static string Template(DateForm form, DateOnly date, string place, string wordPressAuthor,
        DateSpelling spelling, Random rng)
    {
        var d = DateSpelling.Number(date.Day);
        var m = DateSpelling.Number(date.Month);
        var y = DateSpelling.Number(date.Year);
        var weekday = spelling.Weekday(date);
        var month = spelling.Month(date.Month);
        var dd = DateSpelling.Number(date.Day, "00");
        var mm = DateSpelling.Number(date.Month, "00");
        var english = $"{dd} {DateSpelling.EnglishMonth(date.Month)} {y}";
        var trailing = rng.Chance(0.5);
        return form switch
        {
            DateForm.NumericWithWeekday => trailing
                ? $"{Body} Kegiatan tersebut berlangsung pada {weekday} ({d}/{m}/{y})."
                : $"{place}, {weekday} ({d}/{m}/{y}) – {Body}",
            DateForm.Numeric => $"{place} ({dd}/{mm}/{y}) – {Body}",
            DateForm.NoYear => trailing
                ? $"{place} ({d}/{m}) – {Body}"
                : $"{place}, {weekday} ({d}/{m}) – {Body}",
            DateForm.Indonesian => rng.Next(3) switch
            {
                0 => $"{weekday}, {d} {month} {y} — {Body}",
                1 => $"{place}, {weekday}, {d} {month} {y} – {Body}",
                _ => $"{Body} Kegiatan itu digelar pada {weekday}, {d} {month} {y}.",
            },
            DateForm.IndonesianInParentheses => trailing
                ? $"{Body} Acara berlangsung {weekday}, ({d} {month} {y})."
                : $"{place}, {weekday}, ({d} {month} {y}) – {Body}",
            DateForm.DatelineHyphen => $"{place}, {d} {month} {y}- {Body}",
            DateForm.DatelineEnDash => $"{place} – {d} {month} {y}. {Body}",
            DateForm.DatelineBrackets => $"{place}, [{d}/{m}/{y}] – {Body}",
            DateForm.English => trailing
                ? $"{english} | 0 Comments | By {wordPressAuthor}\n\n{Body}"
                : $"{place}, {english} – {Body}",
            DateForm.WordPressMeta => $"{WordPressLine(date, rng)}\n\n{Body}",
            DateForm.YearTypo => Typo(date, place, weekday, month, rng),
            DateForm.None => trailing ? $"{place} – {Body}" : Body,
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "no lead for this date form"),
        };
    }

    /// <summary>The meta line a WordPress import keeps above the story (the only date such a page shows).</summary>
    private static string WordPressLine(DateOnly date, Random rng)
    {
        var d = DateSpelling.Number(date.Day);
        var dd = DateSpelling.Number(date.Day, "00");
        var y = DateSpelling.Number(date.Year);
        return rng.Next(3) switch
        {
            0 => $"{dd} {DateSpelling.EnglishMonth(date.Month)} {y} | 0 Comments | By admin",
            1 => $"Posted on {DateSpelling.EnglishMonthName(date.Month)} {d}, {y} by admin",
            _ => $"{dd} {DateSpelling.IndonesianMonth(date.Month)} {y} | 0 Komentar | Oleh admin",
        };
    }

    /// <summary>Ten years back ("5 April 2013" for 2023) or one ahead ("27 Desember 2024" for 2023); the weekday stays right.</summary>
    private static string Typo(DateOnly date, string place, string weekday, string month, Random rng)
    {
        var wrongYear = DateSpelling.Number(rng.Chance(0.5) ? date.Year - 10 : date.Year + 1);
        var d = DateSpelling.Number(date.Day);
        return rng.Chance(0.5)
            ? $"{place}, {weekday}, {d} {month} {wrongYear} – {Body}"
            : $"{place}, {d} {month} {wrongYear}- {Body}";
    }
}
