using FeedHub.Fetching;
using FeedHub.Fixtures;
using FeedHub.Host.Scheduling;
using FeedHub.Tests.Storage;

namespace FeedHub.Tests.Scheduling;

/// <summary>Per-host single flight across the nodes of a cluster: each node's <see cref="HostGate"/> leases the host in PostgreSQL.</summary>
public sealed class PostgresHostLeaseTests : IAsyncLifetime
{
    private readonly string database = PostgresServer.Shared.CreateDatabase();
    private FixtureFarm farm = null!;

    public async Task InitializeAsync() =>
        farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 1, ArticlesPerSite = 2, Now = TimeProvider.System.GetUtcNow() });

    public async Task DisposeAsync()
    {
        await farm.DisposeAsync();
        PostgresServer.Shared.DropDatabase(database);
    }

    [Fact]
    public async Task Two_nodes_never_have_two_requests_in_flight_to_one_host()
    {
        var site = farm.Sites[0];
        site.Mode = SiteMode.Hang; // each request lasts until the client gives up
        var lease = new PostgresHostLease(new ScheduleStore(database));
        var options = new FetchOptions { MinHostGap = TimeSpan.FromMilliseconds(20) };
        var nodes = new[] { new HostGate(options, TimeProvider.System, lease), new HostGate(options, TimeProvider.System, lease) };
        using var client = new HttpClient();

        await Task.WhenAll(nodes.SelectMany(gate => Enumerable.Range(0, 3).Select(_ => RequestAsync(gate, client, site.ListUri(104)))));

        // A request given up before it reached the site (a loaded machine) is not logged; most are.
        Assert.True(farm.Log.For(site.Id).Count >= 4, $"{farm.Log.For(site.Id).Count} of 6 requests reached the site");
        Assert.Equal(1, farm.Log.MaxConcurrencyPerHost());
    }

    [Fact]
    public void Every_node_derives_the_same_lock_from_a_host()
    {
        Assert.Equal(PostgresHostLease.LockKey("127.0.1.1:8080"), PostgresHostLease.LockKey(HostGate.HostKey(new Uri("http://127.0.1.1:8080/a"))));
        Assert.NotEqual(PostgresHostLease.LockKey("127.0.1.1:8080"), PostgresHostLease.LockKey("127.0.1.2:8080"));
    }

    /// <summary>One request through the gate, given up after a moment as a fetch's timeout would.</summary>
    private static async Task RequestAsync(HostGate gate, HttpClient client, Uri url)
    {
        using var lease = await gate.EnterAsync(url, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The hanging page never ends; giving up is the point.
        }
    }
}
