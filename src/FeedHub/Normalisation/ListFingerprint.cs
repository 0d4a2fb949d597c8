using System.Text.RegularExpressions;
using FeedHub.Extraction;

namespace FeedHub.Normalisation;

/// <summary>
/// A cheap fingerprint of a list entry, so the crawler notices an edited story without refetching
/// every article, while the variant-B view counter ("75" before the title) never looks like an edit.
/// </summary>
public static partial class ListFingerprint
{
    /// <summary>
    /// Hex SHA-256 over the entry's title and excerpt with counters, "Selengkapnya" and bare numbers
    /// removed and whitespace collapsed.
    /// </summary>
    public static string Of(ListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = VolatileText.Strip($"{entry.Title}\n{entry.Excerpt}");
        return Sha256Text.Hex(TextCleaner.Collapse(BareNumber().Replace(text, " ")));
    }

    [GeneratedRegex(@"(?<!\S)[0-9][0-9.,]*(?!\S)")]
    private static partial Regex BareNumber();
}
