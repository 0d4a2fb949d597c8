using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class FeedPathTests
{
    public static TheoryData<string, FeedScope, FeedFormat> Paths => new()
    {
        { "/feeds/all.atom", FeedScope.All, FeedFormat.Atom },
        { "/feeds/all.rss", FeedScope.All, FeedFormat.Rss },
        { "/feeds/kab-blora.json", FeedScope.Source("kab-blora"), FeedFormat.Json },
        { "/feeds/region/jawa-tengah.rss", FeedScope.Region("jawa-tengah"), FeedFormat.Rss },
        { "/feeds/category/Berita%20Terkini.atom", FeedScope.Category("Berita Terkini"), FeedFormat.Atom },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Parses_each_path_of_the_table(string path, FeedScope scope, FeedFormat format)
    {
        Assert.True(FeedPath.TryParse(path, out var parsedScope, out var parsedFormat));
        Assert.Equal(scope, parsedScope);
        Assert.Equal(format, parsedFormat);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Builds_the_same_path_it_parses(string path, FeedScope scope, FeedFormat format) =>
        Assert.Equal(path, FeedPath.For(scope, format));

    [Theory]
    [InlineData("/feeds/all.xml")]
    [InlineData("/feeds/.atom")]
    [InlineData("/feeds/region/.rss")]
    [InlineData("/feeds/region/a/b.rss")]
    [InlineData("/feeds/kab-blora")]
    [InlineData("/opml")]
    [InlineData("/feed/all.atom")]
    public void Rejects_paths_outside_the_table(string path) =>
        Assert.False(FeedPath.TryParse(path, out _, out _));

    [Theory]
    [InlineData(FeedFormat.Atom, "application/atom+xml", "atom")]
    [InlineData(FeedFormat.Rss, "application/rss+xml", "rss")]
    [InlineData(FeedFormat.Json, "application/feed+json", "json")]
    public void Each_format_has_its_registered_media_type(FeedFormat format, string mediaType, string extension)
    {
        Assert.Equal(mediaType, format.MediaType());
        Assert.Equal(extension, format.Extension());
    }

    [Fact]
    public void Public_urls_keep_a_base_path_prefix() =>
        Assert.Equal("https://example.org/feedhub/feeds/all.rss",
            new PublicUrls(new Uri("https://example.org/feedhub")).Feed(FeedScope.All, FeedFormat.Rss).AbsoluteUri);
}
