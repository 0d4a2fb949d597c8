namespace FeedHub.Extraction;

/// <summary>An existing feed document read into entries, for <c>kind: feed</c> sources.</summary>
/// <param name="Title">The feed's own title, when it has one.</param>
/// <param name="Entries">Entries in document order; those with neither link nor id are left out.</param>
public sealed record ParsedFeed(string? Title, IReadOnlyList<ExtractedArticle> Entries);

/// <summary>The document is not a readable feed: not well-formed, not a known format, or refused (DTD entities).
/// The message names the URL and, for XML and JSON syntax errors, the line and position.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
