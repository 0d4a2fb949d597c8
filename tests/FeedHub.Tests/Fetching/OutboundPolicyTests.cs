using System.Net;
using FeedHub.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.Fetching;

public sealed class OutboundPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.3.9", true)]
    [InlineData("10.20.30.40", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("103.6.53.21", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:192.168.1.10", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("2a03:2880:f10c::1", false)]
    [InlineData("100.100.100.200", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("198.18.0.1", true)]
    [InlineData("198.19.255.255", true)]
    [InlineData("192.0.2.7", true)]
    [InlineData("203.0.113.9", true)]
    [InlineData("240.0.0.1", true)]
    [InlineData("224.0.0.251", true)]
    [InlineData("2002:c0a8:10a::1", true)]
    [InlineData("64:ff9b:1::a00:1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("::ffff:103.6.53.21", false)]
    public void Recognises_private_and_local_addresses(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, OutboundPolicy.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public void Only_configured_hosts_may_be_contacted()
    {
        var policy = new OutboundPolicy();
        policy.Allow([new Uri("https://kab-blora.kpu.go.id/")]);

        Assert.Null(policy.RefusalOf(new Uri("https://KAB-BLORA.kpu.go.id/blog/read/1")));
        Assert.Contains("evil.example", policy.RefusalOf(new Uri("https://evil.example/")));
        Assert.Contains("scheme 'file'", policy.RefusalOf(new Uri("file:///etc/passwd")));
    }

    [Fact]
    public void Redirect_targets_may_be_contacted_until_the_sources_change()
    {
        var policy = new OutboundPolicy();
        policy.Allow([new Uri("http://kab-blora.kpu.go.id/")]);
        policy.AdmitRedirectTarget(new Uri("https://blora.kpu.go.id/"));

        Assert.Null(policy.RefusalOf(new Uri("https://blora.kpu.go.id/blog")));
        policy.Allow([new Uri("http://kab-blora.kpu.go.id/")]);
        Assert.NotNull(policy.RefusalOf(new Uri("https://blora.kpu.go.id/blog")));
    }

    [Fact]
    public void Private_address_is_permitted_only_for_a_configured_source_host()
    {
        var policy = new OutboundPolicy();
        policy.Allow([new Uri("http://127.0.0.2:5080/")]);

        Assert.True(policy.PermitsAddress("127.0.0.2", 5080, IPAddress.Parse("127.0.0.2")));
        Assert.False(policy.PermitsAddress("127.0.0.2", 8080, IPAddress.Parse("127.0.0.2")));
        Assert.False(policy.PermitsAddress("kab-blora.kpu.go.id", 80, IPAddress.Parse("10.0.0.5")));
        Assert.True(policy.PermitsAddress("kab-blora.kpu.go.id", 80, IPAddress.Parse("103.6.53.21")));
    }

    [Fact]
    public async Task Unconfigured_host_is_blocked_without_a_request()
    {
        await using var site = await TestSite.StartAsync("127.0.0.5", app => app.MapGet("/", () => "internal"));
        using var fetcher = new TestFetcher(Array.Empty<Uri>());

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task Redirect_to_another_port_of_the_sources_loopback_host_is_blocked()
    {
        await using var admin = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/admin", () => "secret"));

        var result = await FetchRedirectedToAsync(admin);

        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.Contains($"port {admin.Url("/").Port}", result.Error);
        Assert.Empty(admin.Requests);
    }

    [Fact]
    public async Task Redirect_to_an_unconfigured_private_address_is_blocked()
    {
        await using var intranet = await TestSite.StartAsync("127.0.0.5", app => app.MapGet("/admin", () => "secret"));

        var result = await FetchRedirectedToAsync(intranet);

        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.Contains("127.0.0.5", result.Error);
        Assert.Contains("private or local address", result.Error);
        Assert.Empty(intranet.Requests);
    }

    /// <summary>Fetches an article of a source on 127.0.0.2 that redirects to <paramref name="target"/>'s /admin.</summary>
    private static async Task<FetchResult> FetchRedirectedToAsync(TestSite target)
    {
        await using var source = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/blog/read/1", (HttpContext c) =>
        {
            c.Response.StatusCode = 302;
            c.Response.Headers.Location = target.Url("/admin").ToString();
        }));
        using var fetcher = new TestFetcher([source]);
        return await fetcher.GetAsync(source.Url("/blog/read/1"));
    }
}
