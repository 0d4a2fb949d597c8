using System.Net;
using System.Text.RegularExpressions;

namespace FeedHub.Storage;

/// <summary>The plain text the full-text index holds for an item's HTML content.</summary>
internal static partial class SearchText
{
    /// <summary>Tags become spaces (so "&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;" stays two words), entities are decoded.</summary>
    public static string FromHtml(string html)
    {
        var withoutTags = Tag().Replace(html, " ");
        return Whitespace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
