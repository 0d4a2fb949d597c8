using FeedHub.Host.Composition;
using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Web.Dashboard;

/// <summary>
/// The `run` web app (no scheduler) over a temporary feeds.json of three regencies and a database
/// seeded directly, on a loopback port, with a fake clock. Nothing is crawled.
/// </summary>
public class DashboardHost : IAsyncLifetime
{
    public const string HostileTitle = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> Rapat Pleno";

    /// <summary>10 December 2025, 10:00 WIB.</summary>
    public static readonly DateTimeOffset Now = new(2025, 12, 10, 10, 0, 0, TimeSpan.FromHours(7));

    private readonly string directory = Path.Combine(Path.GetTempPath(), "feedhub-dashboard-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = new(Now);
    public WebApplication App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "feeds.json");
        await File.WriteAllTextAsync(config, """
            {
              "profiles": { "kpu-blog": { "listPath": "/index.php/blog/category/{category}" } },
              "sources": [
                { "id": "kab-blora", "name": "KPU Kabupaten Blora", "region": "jawa-tengah", "url": "https://kab-blora.kpu.go.id", "profile": "kpu-blog" },
                { "id": "kab-rembang", "name": "KPU Kabupaten Rembang", "region": "jawa-tengah", "url": "https://kab-rembang.kpu.go.id", "profile": "kpu-blog" },
                { "id": "kota-semarang", "name": "KPU Kota Semarang", "region": "jawa-tengah", "url": "https://kota-semarang.kpu.go.id", "profile": "kpu-blog" }
              ]
            }
            """);
        App = await WebApp.BuildAsync(new WebAppSettings
        {
            Config = config,
            Database = Path.Combine(directory, "feedhub.db"),
            Urls = "http://127.0.0.1:0",
            Schedule = false,
        }, CancellationToken.None, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Time);
            Customise(builder);
        });
        await SeedAsync(App.Services.GetRequiredService<ItemStore>());
        await App.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(App.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        // These tests read the English texts; the Indonesian default is tested without this header.
        Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    /// <summary>A variant's change to the web app, e.g. a path base.</summary>
    protected virtual void Customise(WebApplicationBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>kab-blora publishes daily (one hostile title), kab-rembang fails to answer (its one item undated), kota-semarang was never crawled.</summary>
    private static async Task SeedAsync(ItemStore items)
    {
        var blora = Enumerable.Range(1, 10).Select(i => TestItems.Write("kab-blora", i, Now.AddDays(-i),
            title: i == 1 ? HostileTitle : $"Sosialisasi Pemilu ke-{i}")).ToList();
        await items.CommitAsync(new SourceRun
        {
            SourceId = "kab-blora", Items = blora,
            State = SourceState.New("kab-blora") with { LastAttempt = Now.AddMinutes(-5), LastSuccess = Now.AddMinutes(-5), NextDue = Now.AddMinutes(10) },
        }, CancellationToken.None);
        await items.CommitAsync(new SourceRun
        {
            SourceId = "kab-rembang",
            Items = [Undated(TestItems.Write("kab-rembang", 1, Now.AddDays(-3), title: "Bimtek KPPS Rembang"))],
            State = SourceState.New("kab-rembang") with
            {
                LastAttempt = Now.AddMinutes(-5), LastSuccess = Now.AddDays(-1), LastFailureKind = FailureKind.Fetch,
                ConsecutiveFailures = 4, FailingSince = Now.AddHours(-20),
                LastError = "GET https://kab-rembang.kpu.go.id/index.php/blog/category/104: HTTP 503 Service Unavailable",
            },
            Fetches = [new FetchLogEntry("kab-rembang", "https://kab-rembang.kpu.go.id/index.php/blog/category/104", Now.AddMinutes(-5),
                503, global::FeedHub.Fetching.FetchOutcome.HttpError, 120, TimeSpan.FromMilliseconds(340), "HTTP 503 Service Unavailable")],
        }, CancellationToken.None);
    }

    /// <summary>An item whose page printed no date: its date is when FeedHub first saw it.</summary>
    private static ItemWrite Undated(ItemWrite write) =>
        write with { Item = write.Item with { DateSource = global::FeedHub.Extraction.DateSource.FirstSeen } };

    public async Task<(int Status, string Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
