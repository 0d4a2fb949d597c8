namespace FeedHub.Publishing;

/// <summary>
/// An archive document was asked for a month that has none: not yet over, or without items of the
/// feed. The message is plain text fit for a 404 answer and names the path.
/// </summary>
public sealed class ArchiveNotFoundException(FeedQuery query) : Exception(
    $"No archive at '{query.Path}': archives cover the past months (WIB) that hold items of this feed, " +
    $"and {query.Archive} is not one of them. Follow the prev-archive link of the live feed {FeedPath.For(query.Scope, query.Format)}.");
