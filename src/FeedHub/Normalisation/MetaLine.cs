using System.Text.RegularExpressions;

namespace FeedHub.Normalisation;

/// <summary>
/// A line about the post rather than of it: "08 May 2020 | 0 Comments | By admin" (a migrated
/// WordPress archive), "Dilihat 123 kali", "Rabu, 25 November 2026 · Dilihat 123 kali", "Tanggal: 25 November 2026",
/// "Dipublikasikan 25 November 2026 · 4 menit baca". Summaries skip such lines; the body keeps them, since the date in them may be the only one the page has.
/// </summary>
internal static partial class MetaLine
{
    private const int LongestMetaLine = 120;

    /// <summary>
    /// True when nothing but dates, times, counters, comment counts and a "By name" is left in the line, or
    /// when the line is a labelled byline or tag line ("Penulis: Humas KPU", "Tags: Pemilu, Pilkada").
    /// </summary>
    public static bool Is(string line)
    {
        if (line.Length is 0 or > LongestMetaLine) return false;
        if (Labelled().IsMatch(line)) return true;
        var rest = Parts().Replace(ByName().Replace(line, " "), " ");
        return !rest.Any(char.IsLetterOrDigit);
    }

    /// <summary>A label with a colon and a short value: what templates print around a story, not what operators type into it.</summary>
    [GeneratedRegex(@"^(?:penulis|editor|reporter|fotografer|ditulis\s+oleh|diposting\s+oleh|posted\s+by|tags?|label|kategori|category)\s*:\s*\S.{0,60}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    /// <summary>"By admin", "Oleh kpukabpati", "Oleh: Admin", "posted by admin": one name word after the marker.</summary>
    // "By : MM" is a credit code ending a story, not a byline: only the Indonesian markers take a colon.
    [GeneratedRegex(@"\b(?:by|(?:oleh|penulis)\s*:?)\s+\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByName();

    [GeneratedRegex(@"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        + @"|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
        + @"|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|agt|agu|ags|aug|sep|sept|okt|oct|nov|nop|des|dec"
        + @"|telah|dilihat|dibaca|kali|views?|hits|comments?|komentar|no|tidak\s+ada|wib|wita|wit|pukul|posted|diposting|on|pada|admin|administrator"
        + @"|tanggal|tgl|dibuat|dipublikasikan|diterbitkan|diunggah|terbit|published|updated|diperbarui|date|menit|baca|min|read)\b|\d+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parts();
}
