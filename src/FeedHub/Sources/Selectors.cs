namespace FeedHub.Sources;

/// <summary>
/// CSS selectors that override the structural heuristics. Any of them may be null; a source's
/// selectors win over its profile's, field by field.
/// </summary>
public sealed record Selectors
{
    /// <summary>One element per list entry on a list page.</summary>
    public string? Item { get; init; }
    /// <summary>The article link inside a list entry (or on the whole list page).</summary>
    public string? Link { get; init; }
    /// <summary>The article title on an article page.</summary>
    public string? Title { get; init; }
    /// <summary>The article body on an article page.</summary>
    public string? Body { get; init; }
    /// <summary>A visible date element near the title on an article page.</summary>
    public string? Date { get; init; }

    public static readonly Selectors None = new();

    /// <summary>This set, with every field that is null taken from <paramref name="fallback"/>.</summary>
    public Selectors Over(Selectors? fallback) => fallback is null ? this : new Selectors
    {
        Item = Item ?? fallback.Item,
        Link = Link ?? fallback.Link,
        Title = Title ?? fallback.Title,
        Body = Body ?? fallback.Body,
        Date = Date ?? fallback.Date,
    };
}
