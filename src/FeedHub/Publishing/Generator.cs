namespace FeedHub.Publishing;

/// <summary>How the feeds name their generator; no version or build time, so output stays byte-stable.</summary>
public static class Generator
{
    public const string Name = "FeedHub";
    public const string Language = "id";
}
