using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FeedHub.Sources;

namespace FeedHub.Extraction;

/// <summary>
/// The author as the page marks one: <c>meta name=author</c>, <c>rel=author</c>, or an element whose
/// itemprop or class says author. The free-text credits that end KPU stories ("(***/RED)",
/// "[B/foto:MM]", "(HumasKPUKendal)", "dok. foto …") name a desk or a photographer in code, not an
/// author, so they are never taken.
/// </summary>
internal static partial class ArticleAuthor
{
    private const int LongestName = 60;
    private const string Marked = "[rel~='author'], [itemprop~='author'], [class*='author']";

    /// <summary>The first marked author that reads as a name; null when the page marks none.</summary>
    public static string? Find(IDocument document, Source source)
    {
        var meta = document.QuerySelectorAll("meta[name='author'], meta[name='Author']").Select(m => m.GetAttribute("content") ?? "");
        var marked = document.Body?.QuerySelectorAll(Marked)
            .Select(e => e.LocalName == "meta" ? e.GetAttribute("content") ?? "" : PageText.Of(e)) ?? [];
        return meta.Concat(marked)
            .Select(text => ByPrefix().Replace(PageText.Clean(text), ""))
            .FirstOrDefault(name => IsName(name, source));
    }

    private static bool IsName(string name, Source source) =>
        name.Length is > 0 and <= LongestName && !PageText.IsBlank(name) && !CreditCode().IsMatch(name) && !Placeholder().IsMatch(name)
        && !string.Equals(name, source.Name, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:by|oleh|penulis|ditulis\s+oleh|author|reporter|editor)\s*:?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    /// <summary>Desk and photo codes: slashes, asterisks, brackets, "foto", "dok." or "ed.".</summary>
    [GeneratedRegex(@"[/*()\[\]]|\bfoto\b|\bdok\b\.?|\bed\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditCode();

    [GeneratedRegex(@"^(?:admin|administrator|superadmin|operator|humas)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
