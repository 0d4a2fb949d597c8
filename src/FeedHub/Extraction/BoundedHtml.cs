using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace FeedHub.Extraction;

/// <summary>
/// Parses a fetched page only when its markup is nested no deeper than any real page. HTML tree building
/// slows quadratically with depth (each start tag searches the stack of open elements), so a broken or
/// hostile page of 20,000 unclosed <c>&lt;div&gt;</c>s would take a minute and come out as garbage that
/// overwrites good stored items.
/// </summary>
internal static partial class BoundedHtml
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

    private static bool DeeperThanLimit(string html)
    {
        var depth = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            if (Flat.Contains(tag.Groups["name"].Value) || tag.Groups["self"].Success) continue;
            if (tag.Groups["close"].Success) depth = Math.Max(0, depth - 1);
            else if (++depth > MaxDepth) return true;
        }
        return false;
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(?<self>/)?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
