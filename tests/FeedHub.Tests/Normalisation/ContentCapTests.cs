using System.Text;
using FeedHub.Extraction;
using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public sealed class ContentCapTests
{
    private const string Link = "https://kab-blora.kpu.go.id/index.php/blog/read/8313_rapat-pleno";

    private static string Paragraphs(int count) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"<p>Paragraf {i}: KPU Kabupaten Blora menggelar rapat pleno terbuka rekapitulasi daftar pemilih berkelanjutan “DPB” – triwulan {i}.</p>"));

    [Fact]
    public void Content_within_the_cap_is_kept_as_it_is()
    {
        var html = Paragraphs(10);

        Assert.Equal(html, ContentCap.Apply(html, 200 * 1024, Link));
        Assert.False(ContentCap.IsTruncated(html));
    }

    [Fact]
    public void Content_over_the_cap_is_cut_between_paragraphs_and_ends_with_a_note_linking_to_the_article()
    {
        var html = Paragraphs(5000);

        var capped = ContentCap.Apply(html, 20_000, Link);

        Assert.True(Encoding.UTF8.GetByteCount(capped) <= 20_000);
        Assert.True(ContentCap.IsTruncated(capped));
        var kept = capped[..capped.IndexOf($"<p {ContentCap.TruncatedMarker}", StringComparison.Ordinal)];
        Assert.True(kept.Length > 15_000);
        Assert.Equal(html[..kept.Length], kept);
        Assert.EndsWith("</p>", kept);
        Assert.Contains($"<a href=\"{Link}\">", capped);
    }

    [Fact]
    public void A_single_element_over_the_cap_is_entered_and_cut_inside_so_its_tags_stay_closed()
    {
        var html = $"<div><blockquote>{Paragraphs(3000)}</blockquote></div>";

        var capped = ContentCap.Apply(html, 10_000, Link);

        Assert.StartsWith("<div><blockquote><p>Paragraf 1:", capped);
        Assert.Contains("</p></blockquote></div><p " + ContentCap.TruncatedMarker, capped);
        var reparsed = PageParser.Parse("<!doctype html><html><body>" + capped).Body!.InnerHtml;
        Assert.Equal(capped, reparsed);
    }

    [Fact]
    public void The_normaliser_stores_a_fat_article_cut_and_marked()
    {
        var article = new ExtractedArticle
        {
            Url = new Uri(Link), Title = "Rapat Pleno Terbuka", ContentHtml = Paragraphs(5000),
        };
        var source = new FeedHub.Sources.Source
        {
            Id = "kab-blora", Name = "KPU Kabupaten Blora", Region = "jawa-tengah", Url = new Uri("https://kab-blora.kpu.go.id"),
            Profile = new FeedHub.Sources.Profile { Name = "kpu-blog" },
        };

        var item = ItemNormaliser.Normalise(article, source, "kab-blora:8313", new DateTimeOffset(2025, 12, 5, 10, 0, 0, TimeSpan.FromHours(7)), null).Item;

        Assert.True(Encoding.UTF8.GetByteCount(item.ContentHtml!) <= ContentCap.DefaultMaxBytes);
        Assert.True(ContentCap.IsTruncated(item.ContentHtml));
        Assert.StartsWith("Paragraf 1:", item.Summary);
    }
}
