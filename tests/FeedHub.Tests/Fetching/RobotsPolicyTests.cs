using FeedHub.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Fetching;

public sealed class RobotsPolicyTests
{
    private static Task<TestSite> Site(Func<HttpContext, Task> robots) =>
        TestSite.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/robots.txt", robots);
            app.MapGet("/blog/category/104", () => "<ul><li>Berita</li></ul>");
            app.MapGet("/admin/login", () => "panel");
        });

    private static Func<HttpContext, Task> Serve(string robotsTxt) => context => context.Response.WriteAsync(robotsTxt);

    private static Func<HttpContext, Task> Status(int status) => context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    [Fact]
    public async Task Disallowed_url_is_not_fetched()
    {
        await using var site = await Site(Serve("User-agent: *\nDisallow: /admin/\n"));
        using var fetcher = new TestFetcher([site], o => o.ObeyRobotsTxt = true);

        var result = await fetcher.GetAsync(site.Url("/admin/login"));

        Assert.Equal(FetchOutcome.RobotsDisallowed, result.Outcome);
        Assert.Contains("/robots.txt", result.Error);
        Assert.Equal(0, site.CountOf("/admin/login"));
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_for_many_pages()
    {
        await using var site = await Site(Serve("User-agent: *\nDisallow: /admin/\n"));
        using var fetcher = new TestFetcher([site], o => o.ObeyRobotsTxt = true);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fetcher.GetAsync(site.Url("/blog/category/104"))));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(1, site.CountOf("/robots.txt"));
    }

    [Fact]
    public async Task Robots_txt_is_fetched_again_after_the_cache_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 2, 14, 1, 0, 0, TimeSpan.Zero));
        await using var site = await Site(Serve("User-agent: *\nDisallow: /admin/\n"));
        using var fetcher = new TestFetcher([site], o => o.ObeyRobotsTxt = true, time);

        await fetcher.GetAsync(site.Url("/blog/category/104"));
        time.Advance(fetcher.Options.RobotsCacheTime);
        await fetcher.GetAsync(site.Url("/blog/category/104"));

        Assert.Equal(2, site.CountOf("/robots.txt"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(403)]
    public async Task Missing_robots_txt_allows_everything(int status)
    {
        await using var site = await Site(Status(status));
        using var fetcher = new TestFetcher([site], o => o.ObeyRobotsTxt = true);

        var result = await fetcher.GetAsync(site.Url("/admin/login"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
    }

    [Fact]
    public async Task Failing_robots_txt_allows_and_is_asked_again_later()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 2, 14, 1, 0, 0, TimeSpan.Zero));
        await using var site = await Site(Status(500));
        using var fetcher = new TestFetcher([site], o => o.ObeyRobotsTxt = true, time);

        var first = await fetcher.GetAsync(site.Url("/blog/category/104"));
        time.Advance(RobotsPolicy.RetryUnavailableAfter);
        await fetcher.GetAsync(site.Url("/blog/category/104"));

        Assert.Equal(FetchOutcome.Ok, first.Outcome);
        Assert.Equal(2, site.CountOf("/robots.txt"));
    }

    [Fact]
    public async Task Oversized_robots_txt_is_cut_and_its_start_still_applies()
    {
        var robotsTxt = "User-agent: *\nDisallow: /admin/\n" + string.Concat(Enumerable.Repeat("# padding padding padding\n", 25_000)) + "Disallow: /blog/\n";
        await using var site = await Site(Serve(robotsTxt));
        using var fetcher = new TestFetcher([site], o => o.ObeyRobotsTxt = true);

        var admin = await fetcher.GetAsync(site.Url("/admin/login"));
        var list = await fetcher.GetAsync(site.Url("/blog/category/104"));

        Assert.Equal(FetchOutcome.RobotsDisallowed, admin.Outcome);
        Assert.Equal(FetchOutcome.Ok, list.Outcome);
    }
}
