using System.Globalization;
using System.Text;
using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Fixtures;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Tests.Fixtures;
using FeedHub.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// The real pipeline (PoliteFetcher → SourceCrawler/CrawlPass → ItemStore) over a small fixture farm and
/// a temp database, with fetch limits short enough that timeouts end a test quickly.
/// </summary>
internal sealed class CrawlRig : IAsyncDisposable
{
    /// <summary>The crawl clock: an hour after the farm's newest article.</summary>
    public static readonly DateTimeOffset Now = FarmFixture.Now.AddHours(1);

    private readonly SocketsHttpHandler handler;
    private readonly CrawlPass pass;

    private CrawlRig(FixtureFarm farm, TempDatabase db, IReadOnlyList<Source> sources, FetchOptions options)
    {
        Farm = farm;
        Db = db;
        Sources = sources;
        Outbound.Allow(sources.Select(s => s.Url));
        handler = PoliteFetcher.CreateHandler(options, Outbound);
        Fetcher = new PoliteFetcher(handler, options, Outbound, TimeProvider.System);
        pass = new CrawlPass(new SourceCrawler(Fetcher, db.Items, db.States, db.Time, NullLogger<SourceCrawler>.Instance), NullLogger<CrawlPass>.Instance);
    }

    public FixtureFarm Farm { get; }
    /// <summary>The rig's fetcher, for a crawler over another view of the database.</summary>
    public PoliteFetcher Fetcher { get; }
    public TempDatabase Db { get; }
    public IReadOnlyList<Source> Sources { get; }
    public OutboundPolicy Outbound { get; } = new();

    /// <summary>
    /// Starts <paramref name="siteCount"/> fixture sites plus the <paramref name="extra"/> sources (id, URL),
    /// and a fresh database with <paramref name="storage"/> limits. <paramref name="tune"/> adjusts the short test limits.
    /// </summary>
    public static async Task<CrawlRig> StartAsync(
        int siteCount = 3, Action<FetchOptions>? tune = null, StorageLimits? storage = null, params (string Id, Uri Url)[] extra)
    {
        var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = siteCount, ArticlesPerSite = 12, Now = FarmFixture.Now });
        var db = new TempDatabase(storage);
        db.Time.SetUtcNow(Now);
        await db.InitializeAsync();
        var catalog = ConfigLoader.Parse(farm.FeedsJson());
        var profile = catalog.Profiles["kpu-blog"];
        var sources = catalog.Sources.Concat(extra.Select(e => new Source
        {
            Id = e.Id, Name = $"KPU {e.Id}", Region = "jawa-tengah", Url = e.Url, Profile = profile,
        })).ToArray();
        var options = new FetchOptions
        {
            MinHostGap = TimeSpan.FromMilliseconds(5),
            ConnectTimeout = TimeSpan.FromSeconds(1),
            TotalTimeout = TimeSpan.FromSeconds(2),
        };
        tune?.Invoke(options);
        return new CrawlRig(farm, db, sources, options);
    }

    public FixtureSite Site(int index) => Farm.Sites[index];

    /// <summary>One pass over every source; the clock moves on a minute afterwards, as between scheduled runs.</summary>
    public async Task<IReadOnlyList<CrawlReport>> CrawlAsync()
    {
        var reports = await pass.RunAsync(Sources, new CrawlOptions(), CancellationToken.None);
        Db.Time.Advance(TimeSpan.FromMinutes(1));
        return reports;
    }

    public CrawlReport ReportOf(IReadOnlyList<CrawlReport> reports, string sourceId) => reports.Single(r => r.SourceId == sourceId);

    /// <summary>
    /// Every column of every stored item, one line per row in id order: the bytes a fault must not change.
    /// The list fingerprint is left out: it is the crawler's note of how the list entry looked, which a
    /// garbled list page rightly changes (the article is then revalidated, and stays as it was).
    /// </summary>
    public IReadOnlyList<string> ItemRows(string? sourceId = null)
    {
        using var connection = Db.Sqlite.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM items " + (sourceId is null ? "" : "WHERE source_id = $source ") + "ORDER BY id;";
        if (sourceId is not null) command.Parameters.AddWithValue("$source", sourceId);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
                if (reader.GetName(i) != "list_fingerprint")
                    row.Append(reader.GetName(i)).Append('=').Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001F');
            rows.Add(row.ToString());
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        handler.Dispose();
        await Farm.DisposeAsync();
        await Db.DisposeAsync();
    }
}
