using System.Text.RegularExpressions;

namespace FeedHub.Publishing;

/// <summary>
/// Turns what a reader typed into <c>q</c> into a safe FTS5 query: each word and each
/// "quoted phrase" becomes an FTS5 string, all of them required. Nothing the reader types can
/// reach FTS5 as syntax (no operators, columns or stray quotes), so a query never fails in the store.
/// </summary>
internal static partial class FullTextQuery
{
    /// <summary>The FTS5 query, or null when the text holds no searchable word.</summary>
    public static string? From(string text)
    {
        var terms = Term().Matches(text)
            .Select(m => m.Groups["phrase"].Success ? m.Groups["phrase"].Value : m.Groups["word"].Value)
            .Select(t => t.Trim())
            .Where(t => t.Any(char.IsLetterOrDigit))
            .Select(t => "\"" + t.Replace("\"", "\"\"") + "\"")
            .ToList();
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"?|(?<word>[^\\s\"]+)")]
    private static partial Regex Term();
}
