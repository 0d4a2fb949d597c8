namespace FeedHub.Host.Composition;

/// <summary>Where feeds.json and the database live; command-line flags override configuration.</summary>
public sealed class AppPaths
{
    public string Config { get; set; } = "feeds.json";
    public string Database { get; set; } = "data/feedhub.db";
}

/// <summary>Crawl depth defaults, bound from the <c>Crawl</c> section.</summary>
public sealed class CrawlSettings
{
    public int MaxPages { get; set; } = 3;
}
