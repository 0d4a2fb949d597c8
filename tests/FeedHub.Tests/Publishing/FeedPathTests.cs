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

    public static TheoryData<string, FeedScope, FeedFormat, string> ArchivePaths => new()
    {
        { "/feeds/archive/2025-11/all.atom", FeedScope.All, FeedFormat.Atom, "2025-11" },
        { "/feeds/archive/2025-11/kab-blora.rss", FeedScope.Source("kab-blora"), FeedFormat.Rss, "2025-11" },
        { "/feeds/archive/2025-10/region/jawa-tengah.json", FeedScope.Region("jawa-tengah"), FeedFormat.Json, "2025-10" },
        { "/feeds/archive/2026-01/category/Berita%20Terkini.atom", FeedScope.Category("Berita Terkini"), FeedFormat.Atom, "2026-01" },
        { "/feeds/archive/2025-11/archive.atom", FeedScope.Source("archive"), FeedFormat.Atom, "2025-11" },
    };

    [Theory]
    [MemberData(nameof(ArchivePaths))]
    public void Parses_each_archive_path_with_its_month(string path, FeedScope scope, FeedFormat format, string month)
    {
        Assert.True(FeedPath.TryParse(path, out var parsedScope, out var parsedFormat, out var parsedMonth));
        Assert.Equal((scope, format, Samples.Month(month)), (parsedScope, parsedFormat, parsedMonth!.Value));
    }

    [Theory]
    [MemberData(nameof(ArchivePaths))]
    public void Builds_the_same_archive_path_it_parses(string path, FeedScope scope, FeedFormat format, string month) =>
        Assert.Equal(path, FeedPath.For(scope, format, Samples.Month(month)));

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_live_path_has_no_archive_month(string path, FeedScope scope, FeedFormat format)
    {
        Assert.True(FeedPath.TryParse(path, out var parsedScope, out var parsedFormat, out var month));
        Assert.Equal((scope, format, (ArchiveMonth?)null), (parsedScope, parsedFormat, month));
    }

    [Fact]
    public void The_live_feed_parser_refuses_archive_paths() =>
        Assert.False(FeedPath.TryParse("/feeds/archive/2025-11/all.atom", out _, out _));

    [Theory]
    [InlineData("/feeds/archive/2025-13/all.atom")]
    [InlineData("/feeds/archive/2025-1/all.atom")]
    [InlineData("/feeds/archive/all.atom")]
    [InlineData("/feeds/archive/2025-11/.atom")]
    [InlineData("/feeds/archive/2025-11/region/.rss")]
    [InlineData("/feeds/archive/2025-11/archive/2025-10/all.atom")]
    [InlineData("/feeds/archive/2025-11/all.xml")]
    public void Rejects_archive_paths_outside_the_table(string path) =>
        Assert.False(FeedPath.TryParse(path, out _, out _, out _));

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
