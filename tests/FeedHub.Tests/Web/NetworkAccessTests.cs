using FeedHub.Host.Web;
using FeedHub.Tests.Web.Dashboard;
using Microsoft.AspNetCore.Builder;

namespace FeedHub.Tests.Web;

/// <summary>The dashboard app behind nginx on <c>/feedhub</c> over https, with only the office network allowed in.</summary>
public sealed class BehindProxy : DashboardHost
{
    public const string Prefix = "/feedhub";

    protected override void Customise(WebApplicationBuilder builder)
    {
        builder.Configuration["Web:KnownProxies:0"] = "127.0.0.1";
        builder.Configuration["Web:AllowedNetworks:0"] = "192.168.10.0/24";
    }

    /// <summary>A GET as the proxy forwards it for an office PC at <paramref name="client"/>.</summary>
    public async Task<(int Status, string Body)> ViaProxyAsync(string path, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Prefix", Prefix);
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class NetworkAccessTests(BehindProxy host) : IClassFixture<BehindProxy>
{
    private const string OfficePc = "192.168.10.23";

    [Fact]
    public async Task Dashboard_links_carry_the_forwarded_prefix()
    {
        var (status, body) = await host.ViaProxyAsync("/", OfficePc);

        Assert.Equal(200, status);
        DashboardPathBaseTests.AssertLocalLinksUnder(BehindProxy.Prefix, body);
    }

    [Fact]
    public async Task Feed_links_carry_the_forwarded_scheme_and_prefix()
    {
        var (status, body) = await host.ViaProxyAsync("/feeds/all.atom", OfficePc);

        Assert.Equal(200, status);
        Assert.Matches("<link rel=\"self\"[^>]*href=\"https://[^\"/]+/feedhub/feeds/all\\.atom", body);
    }

    [Fact]
    public async Task A_client_outside_the_allowed_networks_gets_403()
    {
        var (status, body) = await host.ViaProxyAsync("/", "203.0.113.9");

        Assert.Equal(403, status);
        Assert.Contains("Web:AllowedNetworks", body);
    }

    [Fact]
    public async Task The_proxy_itself_is_not_an_allowed_client()
    {
        var (status, _, _) = await host.GetAsync("/feeds/all.atom");

        Assert.Equal(403, status);
    }

    [Theory]
    [InlineData("192.168.10.0/33")]
    [InlineData("kantor")]
    public void A_bad_entry_is_refused_naming_the_setting_and_position(string entry)
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkAccess.Parse(["10.0.0.0/8", entry], NetworkAccess.AllowedNetworksSetting));

        Assert.Contains("Web:AllowedNetworks:1", error.Message);
        Assert.Contains(entry, error.Message);
    }

    [Fact]
    public void A_bare_address_is_a_single_host_range()
    {
        var network = Assert.Single(NetworkAccess.Parse(["10.1.2.3"], NetworkAccess.KnownProxiesSetting));

        Assert.Equal(32, network.PrefixLength);
    }
}
