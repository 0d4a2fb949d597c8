using System.Net;
using System.Text;

namespace FeedHub.Fixtures;

/// <summary>The CMS's slugs: made from the title after it was HTML-escaped twice, so '"' ends up as "amp-quot".</summary>
internal static class Slug
{
    public static string From(string title)
    {
        var escaped = WebUtility.HtmlEncode(WebUtility.HtmlEncode(title)).ToLowerInvariant();
        var slug = new StringBuilder(escaped.Length);
        foreach (var c in escaped)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }

    /// <summary>Whether the CMS shows this title double-escaped (<c>&amp;amp;quot;</c>), as §9b does.</summary>
    public static bool ShowsDoubleEscaped(string title) => title.Contains('"') || title.Contains('&');
}
