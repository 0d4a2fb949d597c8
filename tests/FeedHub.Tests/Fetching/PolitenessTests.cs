using System.Diagnostics;
using FeedHub.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.Fetching;

public sealed class PolitenessTests
{
    private static async Task<TestSite> SlowListSite(string ip) =>
        await TestSite.StartAsync(ip, app => app.MapGet("/blog/category/104", async (HttpContext context) =>
        {
            await Task.Delay(30);
            await context.Response.WriteAsync("<ul><li>Berita</li></ul>");
        }));

    [Fact]
    public async Task One_request_per_host_at_a_time_with_the_minimum_gap_between_them()
    {
        var gap = TimeSpan.FromMilliseconds(150);
        await using var site = await SlowListSite("127.0.0.2");
        using var fetcher = new TestFetcher([site], o => o.MinHostGap = gap);

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(page =>
            fetcher.GetAsync(site.Url($"/blog/category/104?page={page}"))));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(1, site.MaxInFlight);
        var served = site.Requests.OrderBy(r => r.Started).ToList();
        Assert.Equal(4, served.Count);
        for (var i = 1; i < served.Count; i++)
            Assert.True(Stopwatch.GetElapsedTime(served[i - 1].Ended, served[i].Started) >= gap,
                $"request {i} started {Stopwatch.GetElapsedTime(served[i - 1].Ended, served[i].Started).TotalMilliseconds} ms after the previous ended");
    }

    [Fact]
    public async Task Different_hosts_are_fetched_in_parallel()
    {
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrivals = 0;
        async Task MeetTheOtherHost(HttpContext context)
        {
            if (Interlocked.Increment(ref arrivals) == 2)
                bothArrived.SetResult();
            var met = await Task.WhenAny(bothArrived.Task, Task.Delay(TimeSpan.FromSeconds(10))) == bothArrived.Task;
            await context.Response.WriteAsync(met ? "met" : "alone");
        }
        await using var blora = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", MeetTheOtherHost));
        await using var kudus = await TestSite.StartAsync("127.0.0.3", app => app.MapGet("/", MeetTheOtherHost));
        using var fetcher = new TestFetcher([blora, kudus], o => o.MinHostGap = TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(fetcher.GetAsync(blora.Url("/")), fetcher.GetAsync(kudus.Url("/")));

        Assert.All(results, r => Assert.Equal("met", r.Body));
    }

    [Fact]
    public async Task Sends_an_honest_user_agent_and_indonesian_language_preference()
    {
        await using var site = await SlowListSite("127.0.0.2");
        using var fetcher = new TestFetcher([site]);

        await fetcher.GetAsync(site.Url("/blog/category/104"));

        var headers = Assert.Single(site.Requests).Headers;
        Assert.Equal("FeedHub/1.0 (+https://example.org/feedhub)", headers["User-Agent"]);
        Assert.StartsWith("id,en", headers["Accept-Language"]);
        Assert.Contains("gzip", headers["Accept-Encoding"]);
        Assert.Contains("br", headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task Keeps_the_cookies_a_site_sets()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/", (HttpContext context) => context.Response.Headers.SetCookie = "XSRF-TOKEN=abc123; Path=/");
            app.MapGet("/blog/category/104", (HttpContext context) => context.Request.Headers.Cookie.ToString());
        });
        using var fetcher = new TestFetcher([site]);

        await fetcher.GetAsync(site.Url("/"));
        var list = await fetcher.GetAsync(site.Url("/blog/category/104"));

        Assert.Equal("XSRF-TOKEN=abc123", list.Body);
    }
}
