using FeedHub.Crawling;
using FeedHub.Normalisation;
using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// Read-only commands answer from an existing database and never create one (nor its folder). A PostgreSQL
    /// database is created by its administrator, so only the SQLite file is looked for.
    /// </summary>
    /// <exception cref="StorageException">No file at <see cref="Database"/> (exit code 1).</exception>
    public void RequireDatabase(StorageSettings storage)
    {
        if (!storage.IsPostgres && !File.Exists(Database))
            throw new StorageException($"no database at {Path.GetFullPath(Database)} (--db or Paths:Database); " +
                                       "`feedhub crawl` or `feedhub run` creates it, this command only reads");
    }
}

/// <summary>Crawl depth defaults and caps, bound from the <c>Crawl</c> section.</summary>
public sealed class CrawlSettings
{
    public int MaxPages { get; set; } = 3;
    public int MaxEntriesPerListPage { get; set; } = CrawlOptions.DefaultMaxEntriesPerListPage;
    public int MaxArticlesPerRun { get; set; } = CrawlOptions.DefaultMaxArticlesPerRun;
    public int MaxContentBytes { get; set; } = ContentCap.DefaultMaxBytes;

    /// <summary>The <c>Crawl</c> section, every cap positive.</summary>
    /// <exception cref="ArgumentException">Caps are zero or negative, naming each setting.</exception>
    public static CrawlSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Crawl").Get<CrawlSettings>() ?? new CrawlSettings();
        var problems = new[]
            {
                (settings.MaxPages, "Crawl:MaxPages", "list pages"),
                (settings.MaxEntriesPerListPage, "Crawl:MaxEntriesPerListPage", "entries"),
                (settings.MaxArticlesPerRun, "Crawl:MaxArticlesPerRun", "article pages"),
                (settings.MaxContentBytes, "Crawl:MaxContentBytes", "bytes"),
            }
            .Where(cap => cap.Item1 <= 0)
            .Select(cap => $"{cap.Item2} must be a positive number of {cap.Item3}; got {cap.Item1}.")
            .ToList();
        return problems.Count == 0 ? settings : throw new ArgumentException(string.Join(" ", problems));
    }

    /// <summary>A crawl following <paramref name="maxPages"/> list pages under these caps.</summary>
    public CrawlOptions Options(int maxPages) => new()
    {
        MaxPages = maxPages, MaxEntriesPerListPage = MaxEntriesPerListPage, MaxArticlesPerRun = MaxArticlesPerRun,
        MaxContentBytes = MaxContentBytes,
    };
}
