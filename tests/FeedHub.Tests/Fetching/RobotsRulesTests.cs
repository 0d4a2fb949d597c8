using FeedHub.Fetching;

namespace FeedHub.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private const string Token = "FeedHub";

    [Theory]
    // The 2022 KPU CMS copy: allow everything.
    [InlineData("User-agent: *\nDisallow:", "/blog/category/104?page=2", true)]
    [InlineData("User-agent: *\nDisallow: /", "/blog/category/104", false)]
    [InlineData("User-agent: *\nDisallow: /admin/", "/admin/login", false)]
    [InlineData("User-agent: *\nDisallow: /admin/", "/blog/read/9010_kpu-contoh", true)]
    // Longest match wins; Allow wins a tie.
    [InlineData("User-agent: *\nDisallow: /blog/\nAllow: /blog/read/", "/blog/read/9010_kpu-contoh", true)]
    [InlineData("User-agent: *\nAllow: /blog/\nDisallow: /blog/read/", "/blog/read/9010_kpu-contoh", false)]
    [InlineData("User-agent: *\nDisallow: /blog\nAllow: /blog", "/blog/read/1", true)]
    // Wildcards: * anywhere, $ anchors the end.
    [InlineData("User-agent: *\nDisallow: /*?page=", "/blog/category/104?page=13", false)]
    [InlineData("User-agent: *\nDisallow: /*?page=", "/blog/category/104", true)]
    [InlineData("User-agent: *\nDisallow: /*.pdf$", "/uploads/sk-kpu.pdf", false)]
    [InlineData("User-agent: *\nDisallow: /*.pdf$", "/uploads/sk-kpu.pdf?download=1", true)]
    [InlineData("User-agent: *\nDisallow: /blog$", "/blog", false)]
    [InlineData("User-agent: *\nDisallow: /blog$", "/blog/read/1", true)]
    [InlineData("User-agent: *\nDisallow: /*/read/*amp", "/blog/read/8313_forum-amp-quot", false)]
    // Our own group beats *, matched case-insensitively on the product token.
    [InlineData("User-agent: *\nDisallow: /\n\nUser-agent: feedhub\nAllow: /blog/", "/blog/read/1", true)]
    [InlineData("User-agent: *\nDisallow: /\n\nUser-agent: FeedHub/2.0\nDisallow:", "/blog/read/1", true)]
    [InlineData("User-agent: *\nAllow: /\n\nUser-agent: FeedHub\nDisallow: /blog/", "/blog/read/1", false)]
    [InlineData("User-agent: Googlebot\nDisallow: /", "/blog/read/1", true)]
    // Several User-agent lines share a group; comments, blank lines, CRLF and unknown lines are ignored.
    [InlineData("User-agent: Googlebot\nUser-agent: FeedHub\nDisallow: /berita/", "/berita/baca/1/x", false)]
    [InlineData("# KPU\r\nUser-agent: * # everyone\r\nSitemap: https://x/sitemap.xml\r\nDisallow: /admin # panel\r\n", "/admin", false)]
    [InlineData("Disallow: /\nUser-agent: *\nAllow: /", "/blog", true)]
    // robots.txt itself is always fetchable.
    [InlineData("User-agent: *\nDisallow: /", "/robots.txt", true)]
    public void Applies_rules_for_our_product_token(string robotsTxt, string pathAndQuery, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(robotsTxt, Token).Allows(pathAndQuery));

    [Theory]
    [InlineData("FeedHub/1.0 (+https://github.com/feedhub/feedhub; KPU news aggregator)", "FeedHub")]
    [InlineData("FeedHub", "FeedHub")]
    [InlineData("FeedHub (+https://example.org)", "FeedHub")]
    public void Product_token_is_the_user_agent_name(string userAgent, string token) =>
        Assert.Equal(token, RobotsRules.ProductToken(userAgent));

    [Fact]
    public void Allow_all_allows_every_path() => Assert.True(RobotsRules.AllowAll.Allows("/admin"));
}
