using FeedHub.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.Fetching;

public sealed class RedirectTests
{
    private static Func<HttpContext, Task> RedirectTo(string location, int status = 301) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    [Fact]
    public async Task Relative_redirect_is_followed_to_the_final_url()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/index.php/blog/category/104", RedirectTo("/blog/category/104"));
            app.MapGet("/blog/category/104", () => "<ul><li>Berita</li></ul>");
        });
        using var fetcher = new TestFetcher([site]);

        var result = await fetcher.GetAsync(site.Url("/index.php/blog/category/104"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(site.Url("/index.php/blog/category/104"), result.RequestedUrl);
        Assert.Equal(site.Url("/blog/category/104"), result.FinalUrl);
        Assert.Equal("<ul><li>Berita</li></ul>", result.Body);
    }

    [Fact]
    public async Task Redirect_to_another_configured_host_is_followed()
    {
        await using var kudus = await TestSite.StartAsync("127.0.0.3", app => app.MapGet("/blog/category/104", () => "kudus"));
        await using var old = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", RedirectTo(kudus.Url("/blog/category/104").ToString(), 308)));
        using var fetcher = new TestFetcher([old, kudus]);

        var result = await fetcher.GetAsync(old.Url("/"));

        Assert.Equal("kudus", result.Body);
    }

    [Fact]
    public async Task Redirect_loop_is_detected()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/a", RedirectTo("/b", 302));
            app.MapGet("/b", RedirectTo("/a", 302));
        });
        using var fetcher = new TestFetcher([site]);

        var result = await fetcher.GetAsync(site.Url("/a"));

        Assert.Equal(FetchOutcome.TooManyRedirects, result.Outcome);
        Assert.Contains("redirect loop", result.Error);
        Assert.Equal(2, site.Requests.Count);
    }

    [Fact]
    public async Task More_redirects_than_allowed_stop_the_fetch()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app =>
            app.MapGet("/hop/{n:int}", (HttpContext c, int n) => RedirectTo($"/hop/{n + 1}", 307)(c)));
        using var fetcher = new TestFetcher([site], o => o.MaxRedirects = 3);

        var result = await fetcher.GetAsync(site.Url("/hop/0"));

        Assert.Equal(FetchOutcome.TooManyRedirects, result.Outcome);
        Assert.Contains("more than 3 redirects", result.Error);
        Assert.Equal(4, site.Requests.Count);
    }

    [Fact]
    public async Task Each_hop_is_checked_against_robots_txt()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /admin/\n");
            app.MapGet("/blog/read/1", RedirectTo("/admin/login"));
            app.MapGet("/admin/login", () => "panel");
        });
        using var fetcher = new TestFetcher([site], o => o.ObeyRobotsTxt = true);

        var result = await fetcher.GetAsync(site.Url("/blog/read/1"));

        Assert.Equal(FetchOutcome.RobotsDisallowed, result.Outcome);
        Assert.Equal(0, site.CountOf("/admin/login"));
    }
}
