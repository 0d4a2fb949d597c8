using System.Net;
using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Host.Composition;
using FeedHub.Normalisation;
using FeedHub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Tests.Web;

/// <summary>
/// The `run` web app on loopback over a store filled by a real crawl of the 36-site fixture farm
/// (two categories per site), built once and shared read-only by the feed test classes.
/// </summary>
public sealed class FeedsServer : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 12, 10, 10, 0, 0, TimeSpan.FromHours(7));

    private FixtureFarm _farm = null!;
    private WebApplication _app = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "feedhub-feeds-" + Guid.NewGuid().ToString("N"));
    public string ConfigPath => Path.Combine(Folder, "feeds.json");
    public string DatabasePath => Path.Combine(Folder, "data", "feedhub.db");
    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;
    /// <summary>A client that leaves compressed bodies compressed, so tests see what was sent.</summary>
    public HttpClient Http { get; private set; } = null!;
    public ItemStore Store { get; private set; } = null!;
    /// <summary>Every stored item, newest first, read straight from the store after the crawl.</summary>
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<FeedHub.Sources.Source> Sources { get; private set; } = [];
    /// <summary>The crawled farm: its articles are the truth the served feeds are compared with.</summary>
    public FixtureFarm Farm => _farm;

    public async Task InitializeAsync()
    {
        var clock = new FarmClock(Now);
        _farm = await FixtureFarm.StartAsync(new FarmOptions { Now = Now, Clock = clock, Categories = [104, 105], ArticlesPerSite = 20 });
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(ConfigPath, _farm.FeedsJson());
        _app = await WebApp.BuildAsync(
            new WebAppSettings { Config = ConfigPath, Database = DatabasePath, Urls = "http://127.0.0.1:0", Schedule = false },
            CancellationToken.None,
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Fetch:MinHostGap"] = "00:00:00.002",
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                builder.Services.AddSingleton<TimeProvider>(clock);
            });
        await _app.StartAsync();
        var address = _app.Urls.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

        Sources = _app.Services.GetRequiredService<LiveCatalog>().Current.Sources;
        var reports = await _app.Services.GetRequiredService<CrawlPass>().RunAsync(Sources, new CrawlOptions { MaxPages = 4 }, CancellationToken.None);
        var failed = reports.Where(r => r.Outcome != CrawlOutcome.Ok).Select(r => r.Summary).ToList();
        Assert.True(failed.Count == 0, "crawl of the fixture farm failed: " + string.Join("; ", failed));
        Store = _app.Services.GetRequiredService<ItemStore>();
        Items = await AllItemsAsync(new ItemFilter());
    }

    /// <summary>Every stored item matching <paramref name="filter"/>, newest first, paged with the store's own cursor.</summary>
    public async Task<IReadOnlyList<Item>> AllItemsAsync(ItemFilter filter)
    {
        var all = new List<Item>();
        while (true)
        {
            var page = await Store.QueryAsync(filter with { Limit = ItemStore.MaxLimit }, CancellationToken.None);
            all.AddRange(page);
            if (page.Count < ItemStore.MaxLimit)
                return all;
            filter = filter with { Before = new ItemCursor(page[^1].Published, page[^1].Id) };
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        headers?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? headers = null) =>
        SendAsync(HttpMethod.Get, path, headers);

    /// <summary>The body of a 200 answer; fails with the status and body otherwise.</summary>
    public async Task<byte[]> GetBytesAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return body;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_farm is not null)
            await _farm.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>
/// The system clock moved back to the farm's "now", so the crawl judges the fixture's dates as
/// fresh news, as it would on the day; delays and timers stay real.
/// </summary>
internal sealed class FarmClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}

[CollectionDefinition(Name)]
public sealed class FeedsServerCollection : ICollectionFixture<FeedsServer>
{
    public const string Name = "feeds server";
}
