using FeedHub.Extraction;

namespace FeedHub.Normalisation;

/// <summary>A clean, stored news item: what every feed and the dashboard show.</summary>
public sealed record Item
{
    /// <summary>Stable id <c>{sourceId}:{numeric id or slug}</c>; never changes.</summary>
    public required string Id { get; init; }
    public required string SourceId { get; init; }
    /// <summary>Canonical absolute URL.</summary>
    public required string Link { get; init; }
    public required string Title { get; init; }
    /// <summary>Sanitised HTML with absolute URLs.</summary>
    public required string ContentHtml { get; init; }
    /// <summary>Plain-text summary.</summary>
    public required string Summary { get; init; }
    public string? ImageUrl { get; init; }
    public string? Category { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Published time with the source's offset.</summary>
    public required DateTimeOffset Published { get; init; }
    public required DateSource DateSource { get; init; }
    /// <summary>Set when a real edit changed the content hash after the first version.</summary>
    public DateTimeOffset? Updated { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    /// <summary>Hash of normalised title and content without volatile parts.</summary>
    public required string ContentHash { get; init; }
    public int Version { get; init; } = 1;
}
