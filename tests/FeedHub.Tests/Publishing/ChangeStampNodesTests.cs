using System.Text;
using FeedHub.Publishing;
using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Npgsql;

namespace FeedHub.Tests.Publishing;

/// <summary>
/// Two nodes on one PostgreSQL database: a node's render cache notices the other node's commits through the
/// shared change stamp, within the stamp's max age (its own commits at once).
/// </summary>
public sealed class ChangeStampNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly TempDatabase _node1 = new(provider: StoreProvider.Postgres);
    private ItemStore _node2 = null!;
    private FeedRenderer _renderer = null!;

    public async Task InitializeAsync()
    {
        await _node1.InitializeAsync();
        var node2 = new PostgresDatabase(new NpgsqlConnectionStringBuilder(_node1.ConnectionString), _node1.Time);
        await node2.InitialiseAsync(CancellationToken.None);
        _node2 = new ItemStore(node2);
        _renderer = new FeedRenderer(_node1.Items, new ChangeStampCache(_node1.Items, _node1.Time, MaxAge), new RenderCache(), _node1.Time);
    }

    public Task DisposeAsync() => _node1.DisposeAsync();

    private async Task<string> RenderAsync() => Encoding.UTF8.GetString(
        (await _renderer.RenderAsync(Samples.Query(), new PublishedSources(Samples.Sources), Samples.Urls, CancellationToken.None)).Body);

    private Task CommitOnNode2Async(int number) => _node2.CommitAsync(new SourceRun
    {
        SourceId = "kab-blora",
        Items = [TestItems.Write("kab-blora", number, TestItems.WibTime(8, 10))],
        State = SourceState.New("kab-blora"),
    }, CancellationToken.None);

    [Fact]
    public async Task A_commit_on_another_node_changes_this_nodes_rendered_feed_once_the_stamp_is_older_than_its_max_age()
    {
        await _node1.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        Assert.DoesNotContain("kab-blora:2", await RenderAsync());

        await CommitOnNode2Async(2);
        _node1.Time.Advance(MaxAge);

        Assert.Contains("kab-blora:2", await RenderAsync());
    }

    [Fact]
    public async Task A_node_reads_the_shared_stamp_at_most_once_per_max_age()
    {
        await _node1.CommitAsync(TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9)));
        await RenderAsync();

        await CommitOnNode2Async(2);

        Assert.DoesNotContain("kab-blora:2", await RenderAsync());
    }
}
