using System.Net;
using System.Net.Sockets;
using FeedHub.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.Fetching;

public sealed class FailureTests
{
    private static Task<TestSite> HangingSite(TaskCompletionSource? arrived = null) =>
        TestSite.StartAsync("127.0.0.2", app => app.MapGet("/blog/category/104", async (HttpContext c) =>
        {
            await c.Response.WriteAsync("<ul><li>Beri");
            await c.Response.Body.FlushAsync();
            arrived?.TrySetResult();
            await Task.Delay(Timeout.Infinite, c.RequestAborted);
        }));

    [Fact]
    public async Task Server_that_stops_after_the_headers_times_out()
    {
        await using var site = await HangingSite();
        using var fetcher = new TestFetcher([site], o => o.TotalTimeout = TimeSpan.FromSeconds(1));

        var result = await fetcher.GetAsync(site.Url("/blog/category/104"));

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
        Assert.Equal($"GET {site.Url("/blog/category/104")} timed out after 1 s", result.Error);
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_reported()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var site = await HangingSite(arrived);
        using var fetcher = new TestFetcher([site]);
        using var shutdown = new CancellationTokenSource();

        var fetching = fetcher.Fetcher.FetchAsync(new FetchRequest(site.Url("/blog/category/104")), shutdown.Token);
        await arrived.Task;
        shutdown.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetching);
    }

    [Fact]
    public async Task Refused_connection_is_a_network_error()
    {
        var listener = new TcpListener(IPAddress.Parse("127.0.0.4"), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = new Uri($"http://127.0.0.4:{port}/blog/category/104");
        using var fetcher = new TestFetcher([url]);

        var result = await fetcher.GetAsync(url);

        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
        Assert.Equal(0, result.Status);
        Assert.StartsWith($"GET {url} failed: ", result.Error);
    }
}
