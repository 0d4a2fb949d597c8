using System.Globalization;

namespace FeedHub.Fixtures;

/// <summary>How a site's operators spell dates: some write "Nopember", "Agt" or "Jum'at" (docs/kpu-sites.md §5).</summary>
internal sealed record DateSpelling(bool Nopember, string? AugustAbbreviation, bool JumatWithApostrophe)
{
    private static readonly string[] FullMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
    private static readonly string[] ShortMonths =
        ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"];
    private static readonly string[] EnglishMonths =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] Weekdays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    /// <summary>Months are abbreviated ("15 Jan 2026") when the site has an August abbreviation.</summary>
    public bool Abbreviates => AugustAbbreviation is not null;

    public string Month(int month) => (month, Abbreviates) switch
    {
        (8, true) => AugustAbbreviation!,
        (11, true) => Nopember ? "Nop" : "Nov",
        (11, false) => Nopember ? "Nopember" : "November",
        (_, true) => ShortMonths[month - 1],
        _ => FullMonths[month - 1],
    };

    public string Weekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Friday && JumatWithApostrophe
        ? "Jum'at"
        : Weekdays[(int)date.DayOfWeek];

    public static string EnglishMonth(int month) => EnglishMonths[month - 1];

    /// <summary>"May", "August": as WordPress writes "Posted on May 8, 2020".</summary>
    public static string EnglishMonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    /// <summary>The plain Indonesian month name, as a WordPress site set to Indonesian writes it.</summary>
    public static string IndonesianMonth(int month) => FullMonths[month - 1];

    public static string Number(int value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
}
