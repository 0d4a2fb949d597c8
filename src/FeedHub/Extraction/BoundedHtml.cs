using System.Collections.Frozen;
using System.Globalization;
using AngleSharp.Html.Dom;

namespace FeedHub.Extraction;

/// <summary>
/// Parses a fetched page only when its markup is nested no deeper than any real page. HTML tree building
/// slows quadratically with depth (each start tag searches the stack of open elements), so a broken or
/// hostile page of 20,000 unclosed <c>&lt;div&gt;</c>s would take a minute and come out as garbage that
/// overwrites good stored items.
/// </summary>
internal static class BoundedHtml
{
    /// <summary>Real KPU pages nest about 20 levels; browsers stop laying out beyond 512.</summary>
    public const int MaxDepth = 512;

    /// <summary>Void elements, and those whose end tag is optional and usually left out, do not count as nesting.</summary>
    private static readonly FrozenSet<string> Flat = FrozenSet.ToFrozenSet(
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rp", "rt",
        "html", "head", "body",
    ], StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ExtractionException">The markup is nested deeper than <see cref="MaxDepth"/>; the message names the URL.</exception>
    public static IHtmlDocument Parse(string html, Uri url)
    {
        if (DeeperThanLimit(html))
            throw new ExtractionException($"{url}: markup nested more than {MaxDepth} levels deep — page refused unparsed");
        return PageParser.Parse(html);
    }

    /// <summary>
    /// Counts open tags in one pass over the text. It reads tags as
    /// <c>&lt;(/)?name\b[^&lt;&gt;]*?(/)?&gt;</c> (name = <c>[a-zA-Z][a-zA-Z0-9-]*</c>) would, without a regex: a
    /// regex match per tag of a 60 KB page cost more than parsing the page (docs/benchmarks.md).
    /// </summary>
    internal static bool DeeperThanLimit(string html)
    {
        var depth = 0;
        for (var at = html.IndexOf('<'); at >= 0; at = html.IndexOf('<', at + 1))
        {
            if (ReadTag(html, at) is not { } tag) continue;
            at = tag.End;
            if (tag.SelfClosing || Flat.Contains(html.AsSpan(tag.NameStart, tag.NameLength).ToString())) continue;
            if (tag.Closing) depth = Math.Max(0, depth - 1);
            else if (++depth > MaxDepth) return true;
        }
        return false;
    }

    private readonly record struct Tag(int NameStart, int NameLength, bool Closing, bool SelfClosing, int End);

    /// <summary>The tag starting at <paramref name="at"/> (a '&lt;'), or null when none starts there.</summary>
    private static Tag? ReadTag(string html, int at)
    {
        var start = at + 1;
        var closing = start < html.Length && html[start] == '/';
        if (closing) start++;
        if (start >= html.Length || !char.IsAsciiLetter(html[start])) return null;
        var end = start + 1;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-')) end++;
        // The name ends at a word boundary: back off to the last one inside it when a word character follows.
        while (end < html.Length && IsWordChar(html[end - 1]) == IsWordChar(html[end]))
            if (--end == start) return null;
        var close = html.AsSpan(end).IndexOfAny('<', '>');
        if (close < 0 || html[end + close] != '>') return null;
        var gt = end + close;
        return new Tag(start, end - start, closing, gt > end && html[gt - 1] == '/', gt);
    }

    /// <summary>What <c>\b</c> counts as a word character.</summary>
    private static bool IsWordChar(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
        || c is '\u200c' or '\u200d';
}
