using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHub.Normalisation;

/// <summary>Turns scraped text (titles, labels, summaries) into one clean line fit for any feed format.</summary>
public static partial class TextCleaner
{
    /// <summary>Titles longer than this are cut: some operators paste a whole paragraph as the title.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>
    /// Entities decoded (again while some survive: the CMS double-escapes, so <c>&amp;amp;quot;</c>
    /// means a quote), anything shaped like a tag removed (plain text never holds one, and a feed reader
    /// that renders an RSS title as HTML would run it), XML-forbidden characters removed, whitespace
    /// collapsed to single spaces. Tags are removed until none is left (decoding and removal can form a new
    /// one), and a <c>&lt;</c> that could still open a tag (an unclosed <c>&lt;img … onerror=…</c>) is dropped,
    /// so no markup survives as text. Bidirectional controls, which can make a title read backwards, are dropped.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decoded = text;
        for (var pass = 0; pass < 3 && decoded.Contains('&'); pass++)
        {
            var next = WebUtility.HtmlDecode(decoded);
            if (next == decoded)
                break;
            decoded = next;
        }
        string stripped;
        for (var pass = 0; pass < 8 && (stripped = MarkupTag().Replace(decoded, " ")) != decoded; pass++)
            decoded = stripped;
        return Collapse(XmlChars.Clean(TagOpener().Replace(decoded, "")));
    }

    /// <summary>A cleaned title, cut at a word boundary when over <see cref="MaxTitleLength"/>.</summary>
    public static string Title(string? raw) => Shorten(Clean(raw), MaxTitleLength);

    /// <summary>
    /// <paramref name="text"/> if it fits in <paramref name="max"/> characters, else its longest
    /// prefix ending at a word boundary, followed by "…".
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max - 1);
        var head = cut > max / 2 ? text[..cut] : text[..(max - 1)];
        if (char.IsHighSurrogate(head[^1]))
            head = head[..^1];
        return head.TrimEnd(' ', ',', ';', ':', '-', '–', '—') + "…";
    }

    /// <summary>Runs of whitespace (including no-break spaces) as one space; zero-width and bidirectional marks removed; trimmed.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\uFEFF' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = collapsed.Length > 0;
                continue;
            }
            if (pendingSpace)
                collapsed.Append(' ');
            pendingSpace = false;
            collapsed.Append(c);
        }
        return collapsed.ToString();
    }

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!?][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"<(?=\s*[A-Za-z/!?])", RegexOptions.CultureInvariant)]
    private static partial Regex TagOpener();
}
