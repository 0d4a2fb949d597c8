using FeedHub.Fetching;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Fetching;

public sealed class HostGateTests
{
    private static readonly Uri Blora = new("https://kab-blora.kpu.go.id/blog/category/104");
    private static readonly Uri BloraArticle = new("https://KAB-BLORA.kpu.go.id/blog/read/9010_kpu-blora-gelar-rapat");
    private static readonly Uri Kudus = new("https://kab-kudus.kpu.go.id/blog/category/104");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2024, 2, 14, 1, 0, 0, TimeSpan.Zero));

    private HostGate Gate(TimeSpan gap, int parallelHosts = 8) =>
        new(new FetchOptions { MinHostGap = gap, MaxParallelHosts = parallelHosts }, time);

    [Fact]
    public async Task Second_request_to_a_host_waits_until_the_first_leaves()
    {
        var gate = Gate(TimeSpan.Zero);
        var first = await gate.EnterAsync(Blora, CancellationToken.None);

        var second = gate.EnterAsync(BloraArticle, CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task Next_request_to_a_host_waits_the_minimum_gap_after_the_previous_ended()
    {
        var gate = Gate(TimeSpan.FromSeconds(2));
        (await gate.EnterAsync(Blora, CancellationToken.None)).Dispose();

        var next = gate.EnterAsync(BloraArticle, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        (await next).Dispose();
    }

    [Fact]
    public async Task Different_hosts_enter_while_another_host_is_busy()
    {
        var gate = Gate(TimeSpan.FromSeconds(2));
        using var blora = await gate.EnterAsync(Blora, CancellationToken.None);

        var kudus = gate.EnterAsync(Kudus, CancellationToken.None);

        Assert.True(kudus.IsCompletedSuccessfully);
        (await kudus).Dispose();
    }

    [Fact]
    public async Task Hosts_beyond_the_parallel_cap_wait_for_a_free_slot()
    {
        var gate = Gate(TimeSpan.Zero, parallelHosts: 1);
        var blora = await gate.EnterAsync(Blora, CancellationToken.None);

        var kudus = gate.EnterAsync(Kudus, CancellationToken.None);
        Assert.False(kudus.IsCompleted);

        blora.Dispose();
        (await kudus).Dispose();
    }

    [Fact]
    public async Task Retry_after_keeps_the_host_closed_until_it_passes()
    {
        var gate = Gate(TimeSpan.Zero);
        gate.Defer(Blora, TimeSpan.FromSeconds(120));

        var next = gate.EnterAsync(BloraArticle, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        (await next).Dispose();
    }

    [Fact]
    public async Task Retry_after_is_bounded_to_six_hours()
    {
        var gate = Gate(TimeSpan.Zero);
        gate.Defer(Blora, TimeSpan.FromDays(3));

        var next = gate.EnterAsync(Blora, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(6));

        (await next).Dispose();
    }

    [Fact]
    public async Task Cancelled_wait_frees_the_host_for_others()
    {
        var gate = Gate(TimeSpan.FromSeconds(2));
        (await gate.EnterAsync(Blora, CancellationToken.None)).Dispose();
        using var shutdown = new CancellationTokenSource();

        var waiting = gate.EnterAsync(Blora, shutdown.Token);
        shutdown.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        var next = gate.EnterAsync(Blora, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        (await next).Dispose();
    }

    [Theory]
    [InlineData("https://KAB-Blora.kpu.go.id/blog", "kab-blora.kpu.go.id:443")]
    [InlineData("http://kab-blora.kpu.go.id/blog", "kab-blora.kpu.go.id:80")]
    [InlineData("http://127.0.0.2:5080/", "127.0.0.2:5080")]
    public void Host_key_is_the_lowercase_host_and_port(string url, string key) =>
        Assert.Equal(key, HostGate.HostKey(new Uri(url)));
}
