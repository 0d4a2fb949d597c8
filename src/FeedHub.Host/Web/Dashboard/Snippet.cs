using System.Text.RegularExpressions;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>One run of a snippet's text: matched words are marked.</summary>
public sealed record SnippetPart(string Text, bool Match);

/// <summary>
/// The stretch of an item's summary around the first word of a search, with every searched word marked,
/// so a reader sees why the item matched. Plain text in, plain text out: the view encodes it.
/// </summary>
public static class Snippet
{
    private const int Around = 80;

    public static IReadOnlyList<SnippetPart> Of(string summary, string query)
    {
        var words = Regex.Matches(query, @"[\p{L}\p{N}]+").Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (words.Count == 0 || string.IsNullOrWhiteSpace(summary)) return [];
        var pattern = new Regex(string.Join('|', words.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (pattern.Match(summary) is not { Success: true } first) return [];
        var start = Math.Max(0, first.Index - Around);
        var end = Math.Min(summary.Length, first.Index + first.Length + Around);
        var window = summary[start..end];
        var parts = new List<SnippetPart>();
        if (start > 0) parts.Add(new("…", false));
        var at = 0;
        foreach (Match match in pattern.Matches(window))
        {
            if (match.Index > at) parts.Add(new(window[at..match.Index], false));
            parts.Add(new(match.Value, true));
            at = match.Index + match.Length;
        }
        if (at < window.Length) parts.Add(new(window[at..], false));
        if (end < summary.Length) parts.Add(new("…", false));
        return parts;
    }
}
