using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FeedHub.Normalisation;

namespace FeedHub.Extraction;

/// <summary>
/// Collects raw dates from an article page, highest priority first (meta, then a date element near
/// the title, then the first body paragraphs). Nothing is parsed here: normalisation does that.
/// </summary>
internal static partial class DateCandidates
{
    private const int BodyParagraphs = 3;
    private const int SiblingsAfterTitle = 4;
    private const int SiblingsBeforeTitle = 2;
    private const int LongestDateText = 60;

    /// <summary>article:published_time, itemprop datePublished, JSON-LD datePublished, time[datetime]; read before scripts are stripped.</summary>
    public static IEnumerable<DateCandidate> FromMeta(IDocument document)
    {
        var found = new List<string?>
        {
            document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content"),
            document.QuerySelector("[itemprop='datePublished']") is { } item
                ? item.GetAttribute("content") ?? item.GetAttribute("datetime") ?? item.TextContent
                : null,
        };
        found.AddRange(document.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonLdPublished(s.TextContent)));
        found.Add(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        return found
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => PageText.Collapse(text!))
            .Distinct(StringComparer.Ordinal)
            .Select(text => new DateCandidate(DateSource.Meta, text));
    }

    /// <summary>The date selector's element when set; else a short date line among the title's neighbours.</summary>
    public static DateCandidate? FromPageElement(IDocument document, string? dateSelector, Uri url, IElement? titleHeading, IElement? body)
    {
        var text = dateSelector is not null
            ? OverrideSelector.First(document, dateSelector, "date", url) is { } chosen ? PageText.Of(chosen) : null
            : titleHeading is null ? null : NearTitle(titleHeading, body);
        return string.IsNullOrWhiteSpace(text) ? null : new DateCandidate(DateSource.PageElement, text);
    }

    /// <summary>The first body paragraphs, where datelines live ("Blora, 8 Desember 2025 –").</summary>
    public static DateCandidate? FromBody(IElement body)
    {
        var lines = Blocks.LeavesOf(body).Select(PageText.Of).Where(text => !PageText.IsBlank(text)).Take(BodyParagraphs).ToList();
        if (lines.Count == 0 && PageText.Of(body) is { Length: > 0 } whole) lines.Add(whole);
        return lines.Count == 0 ? null : new DateCandidate(DateSource.BodyText, string.Join("\n", lines));
    }

    /// <summary>True when the whole text is a date: a day number with a month name, or d/m/y, and nothing but weekday or time words.</summary>
    public static bool IsDateOnly(string text)
    {
        if (text.Length is 0 or > LongestDateText || !text.Any(char.IsAsciiDigit)) return false;
        var words = Word().Matches(text.Replace("'", "")).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (!words.All(w => MonthNames.Contains(w) || WeekdayNames.Contains(w) || TimeWords.Contains(w))) return false;
        return words.Any(MonthNames.Contains) || NumericDate().IsMatch(text) || IsoDate().IsMatch(text);
    }

    /// <summary>
    /// A line that says nothing but what templates print about a post and holds a date
    /// ("Rabu, 25 November 2026 · Dilihat 123 kali", "25/11/2026 | Admin"): class-less templates date the story so.
    /// </summary>
    private static bool IsMetaLineWithDate(string text) =>
        MetaLine.Is(text) && (NumericDate().IsMatch(text) || IsoDate().IsMatch(text)
                              || (text.Any(char.IsAsciiDigit) && Word().Matches(text).Any(w => MonthNames.Contains(w.Value.ToLowerInvariant()))));

    /// <summary>The neighbour's date: a date-only element in it first ("6 Januari 2026" inside "6 Januari 2026 · Dibaca 12 kali"), else its meta line.</summary>
    private static string? DateIn(IElement neighbour)
    {
        var texts = new[] { neighbour }.Concat(neighbour.Descendants<IElement>()).Select(PageText.Of).ToList();
        return texts.FirstOrDefault(IsDateOnly) ?? texts.FirstOrDefault(IsMetaLineWithDate);
    }

    private static string? NearTitle(IElement heading, IElement? body)
    {
        var scopes = new List<IElement> { heading };
        if (heading.ParentElement is { LocalName: not ("body" or "html") } parent && parent.Children.Length == 1) scopes.Add(parent);
        foreach (var scope in scopes)
        {
            var neighbours = Following(scope).Take(SiblingsAfterTitle).Concat(Preceding(scope).Take(SiblingsBeforeTitle));
            foreach (var neighbour in neighbours)
            {
                // The body itself is no neighbour; a line inside it is, when the headline sits in the body's container.
                if (body is not null && (neighbour == body || neighbour.Contains(body))) continue;
                if (DateIn(neighbour) is { } date) return date;
            }
        }
        return null;
    }

    private static IEnumerable<IElement> Following(IElement element)
    {
        for (var next = element.NextElementSibling; next is not null; next = next.NextElementSibling) yield return next;
    }

    private static IEnumerable<IElement> Preceding(IElement element)
    {
        for (var previous = element.PreviousElementSibling; previous is not null; previous = previous.PreviousElementSibling) yield return previous;
    }

    private static string? JsonLdPublished(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Published(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Published(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("datePublished", out var date) && date.ValueKind == JsonValueKind.String => date.GetString(),
        JsonValueKind.Object => element.EnumerateObject().Select(p => Published(p.Value)).FirstOrDefault(d => d is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(Published).FirstOrDefault(d => d is not null),
        _ => null,
    };

    private static readonly HashSet<string> MonthNames =
    [
        "januari", "january", "jan", "februari", "february", "pebruari", "feb", "maret", "march", "mar", "april", "apr",
        "mei", "may", "juni", "june", "jun", "juli", "july", "jul", "agustus", "august", "agu", "agt", "ags", "aug",
        "september", "sept", "sep", "oktober", "october", "okt", "oct", "november", "nopember", "nov", "nop",
        "desember", "december", "des", "dec",
    ];

    private static readonly HashSet<string> WeekdayNames =
    [
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ];

    private static readonly HashSet<string> TimeWords = ["pukul", "jam", "wib", "wita", "wit", "am", "pm", "st", "nd", "rd", "th"];

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b\d{4}-\d{1,2}-\d{1,2}\b")]
    private static partial Regex IsoDate();
}
