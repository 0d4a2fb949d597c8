namespace FeedHub.Sources;

/// <summary>
/// What to tell someone who typed a source id that is not configured: every known id when there are few,
/// else the closest few by edit distance and how many there are, so a typo ("kab-blor") points at its fix.
/// </summary>
public static class KnownIds
{
    /// <summary>Up to this many known ids are listed in full.</summary>
    public const int ListedInFull = 12;
    private const int Suggested = 5;

    public static string Describe(IReadOnlyCollection<string> unknown, IReadOnlyCollection<string> known)
    {
        if (known.Count == 0) return "no sources are configured";
        if (known.Count <= ListedInFull) return "known: " + string.Join(", ", known.Order(StringComparer.Ordinal));
        var closest = known.OrderBy(k => unknown.Min(u => Distance(u, k))).ThenBy(k => k, StringComparer.Ordinal).Take(Suggested);
        return $"closest of the {known.Count} known: {string.Join(", ", closest)}";
    }

    /// <summary>Levenshtein distance, case-insensitive (ids are lower case; a typed capital is still close).</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
