namespace FeedHub.Storage;

/// <summary>
/// Turns what a reader typed into a safe FTS5 query: "double-quoted phrases" and plain words, all
/// required (ANDed). Every term is quoted, so FTS5 syntax in the input (operators, columns, stars,
/// parentheses, unbalanced quotes) is searched as text and can never make the query fail.
/// </summary>
internal static class SearchQuery
{
    /// <summary>Operators a reader may type out of habit; terms are ANDed anyway, so they are dropped.</summary>
    private static readonly HashSet<string> OperatorWords = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    /// <summary>The FTS5 query, or null when the text holds nothing searchable (no letters or digits).</summary>
    public static string? FromUserText(string text)
    {
        var terms = Terms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    /// <summary>The quoted FTS5 terms of the text, in order; empty when it holds nothing searchable.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var inPhrase = false;
        foreach (var part in text.Split('"'))
        {
            if (inPhrase)
                AddTerm(terms, part);
            else
                foreach (var word in part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    if (!OperatorWords.Contains(word))
                        AddTerm(terms, word);
            inPhrase = !inPhrase;
        }
        return terms;
    }

    private static void AddTerm(List<string> terms, string term)
    {
        var trimmed = term.Trim();
        if (!trimmed.Any(char.IsLetterOrDigit))
            return;
        // Input was split on quotes, so the term holds none and the quoting cannot be broken.
        terms.Add($"\"{trimmed}\"");
    }
}
