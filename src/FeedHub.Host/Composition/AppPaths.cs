using FeedHub.Storage;

namespace FeedHub.Host.Composition;

/// <summary>Where feeds.json and the database live; command-line flags override configuration.</summary>
public sealed class AppPaths
{
    public string Config { get; set; } = "feeds.json";
    public string Database { get; set; } = "data/feedhub.db";

    /// <summary>Refuses a database path under a file, before anything tries to create its folder.</summary>
    /// <exception cref="ArgumentException">A parent of <see cref="Database"/> is a file (exit code 2).</exception>
    public void RequireDatabaseFolder()
    {
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(Database)); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            if (File.Exists(folder))
                throw new ArgumentException($"database {Database} (--db or Paths:Database): {folder} is a file, not a folder");
    }

    /// <summary>Read-only commands answer from an existing database and never create one (nor its folder).</summary>
    /// <exception cref="StorageException">No file at <see cref="Database"/> (exit code 1).</exception>
    public void RequireDatabase()
    {
        if (!File.Exists(Database))
            throw new StorageException($"no database at {Path.GetFullPath(Database)} (--db or Paths:Database); " +
                                       "`feedhub crawl` or `feedhub run` creates it, this command only reads");
    }
}

/// <summary>Crawl depth defaults, bound from the <c>Crawl</c> section.</summary>
public sealed class CrawlSettings
{
    public int MaxPages { get; set; } = 3;
}
