using System.Text.RegularExpressions;

namespace FeedHub.Normalisation;

/// <summary>
/// The parts of a page that change without anyone editing the story (docs/kpu-sites.md §6): view counters,
/// "Selengkapnya", share lines, CSRF tokens, cache-busting query strings, and the template's meta lines
/// ("Rabu, 25 November 2026 · Dilihat 123 kali", see <see cref="MetaLine"/>), which a redesign moves in or
/// out of the body. Hashes and fingerprints are computed without them, so a counter going from 75 to 76 is not an edit.
/// </summary>
internal static partial class VolatileText
{
    private static readonly HashSet<string> VolatileQueryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "v", "ver", "version", "t", "ts", "_", "timestamp", "cb", "cache", "rev", "_token", "token", "csrf",
    };

    /// <summary>
    /// <paramref name="text"/> (one block per line) with volatile lines and phrases removed and
    /// whitespace collapsed; remaining lines joined by "\n".
    /// </summary>
    public static string Strip(string text)
    {
        var kept = new List<string>();
        foreach (var rawLine in VolatilePhrase().Replace(text, " ").Split('\n'))
        {
            var line = TextCleaner.Collapse(rawLine);
            if (line.Length > 0 && !VolatileLine().IsMatch(line) && !MetaLine.Is(line))
                kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    /// <summary><paramref name="url"/> without cache-busting, token and tracking query parameters.</summary>
    public static string StripQuery(string url)
    {
        var queryStart = url.IndexOf('?');
        if (queryStart < 0)
            return url;
        var fragmentStart = url.IndexOf('#', queryStart);
        var query = fragmentStart < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..fragmentStart];
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part.Split('=', 2)[0] is var name
                && !VolatileQueryNames.Contains(name) && !CanonicalUrl.IsTracking(name));
        var rest = string.Join('&', kept);
        return url[..queryStart] + (rest.Length > 0 ? "?" + rest : "");
    }

    /// <summary>Counters and markers that may sit inside a line of text.</summary>
    [GeneratedRegex(@"\b(?:telah\s+)?dilihat\s*:?\s*[0-9][0-9.,]*(?:\s*kali)?|[0-9][0-9.,]*\s*(?:views?|kali\s+dilihat|x\s+dilihat)(?![a-z])|\b(?:baca\s+)?selengkapnya\b|\b(?:_token|csrf[-_]?token|xsrf[-_]?token)\s*[:=]?\s*\S+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VolatilePhrase();

    /// <summary>Whole lines that are noise: a bare counter, a share block or one of its buttons.</summary>
    [GeneratedRegex(@"^(?:[0-9][0-9.,]*|(?:bagikan|share)(?:\s*:.*)?|facebook|twitter|whatsapp|telegram|linkedin|pinterest)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VolatileLine();
}
