using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class AlternateLinksTests
{
    private static readonly PublishedSources Sources = new(Samples.Sources);

    [Fact]
    public void Offers_atom_rss_and_json_in_that_order_with_absolute_urls()
    {
        var links = AlternateLinks.For(FeedScope.All, Sources, Samples.Urls);
        Assert.Equal(["application/atom+xml", "application/rss+xml", "application/feed+json"], links.Select(l => l.Type));
        Assert.Equal(
            ["http://127.0.0.1:5080/feeds/all.atom", "http://127.0.0.1:5080/feeds/all.rss", "http://127.0.0.1:5080/feeds/all.json"],
            links.Select(l => l.Href.AbsoluteUri));
    }

    [Fact]
    public void A_source_link_is_titled_with_the_source_name() =>
        Assert.Equal("KPU Kabupaten Blora (Atom)", AlternateLinks.For(FeedScope.Source("kab-blora"), Sources, Samples.Urls)[0].Title);

    [Fact]
    public void A_region_link_is_titled_like_its_feed() =>
        Assert.Equal("FeedHub: wilayah Jawa Tengah (RSS)", AlternateLinks.For(FeedScope.Region("jawa-tengah"), Sources, Samples.Urls)[1].Title);

    [Fact]
    public void A_category_name_is_escaped_in_the_href() =>
        Assert.Equal("http://127.0.0.1:5080/feeds/category/Berita%20Terkini.json",
            AlternateLinks.For(FeedScope.Category("Berita Terkini"), Sources, Samples.Urls)[2].Href.AbsoluteUri);
}
