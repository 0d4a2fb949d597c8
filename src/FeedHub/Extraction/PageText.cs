using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>Visible text of HTML nodes, whitespace-collapsed and entity-decoded, as readers see it.</summary>
internal static partial class PageText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template",
    };

    /// <summary>Whitespace (including no-break spaces) collapsed to single spaces, trimmed.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>
    /// Collapsed text with entities decoded once more when they survived parsing: the CMS
    /// double-escapes titles, so <c>TextContent</c> can still hold a literal <c>&amp;quot;</c>.
    /// </summary>
    public static string Clean(string text)
    {
        var collapsed = Collapse(text);
        return LeftoverEntity().IsMatch(collapsed) ? Collapse(WebUtility.HtmlDecode(collapsed)) : collapsed;
    }

    /// <summary>The node's text without scripts and styles, collapsed and decoded.</summary>
    public static string Of(INode node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return Clean(text.ToString());
    }

    /// <summary>True when the text has no letters or digits at all (e.g. a lone <c>&amp;nbsp;</c>).</summary>
    public static bool IsBlank(string text) => !text.Any(char.IsLetterOrDigit);

    private static void Append(INode node, StringBuilder text)
    {
        if (node is IText leaf)
        {
            text.Append(leaf.Data);
            return;
        }
        if (node is IElement element && (Invisible.Contains(element.LocalName) || element.LocalName == "br"))
        {
            text.Append(' ');
            return;
        }
        var block = node is IElement container && Blocks.IsBlock(container);
        if (block) text.Append(' ');
        foreach (var child in node.ChildNodes) Append(child, text);
        if (block) text.Append(' ');
    }

    [GeneratedRegex(@"[\s\u00a0\u200b]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,6});", RegexOptions.IgnoreCase)]
    private static partial Regex LeftoverEntity();
}
