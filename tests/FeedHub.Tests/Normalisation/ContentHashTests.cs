using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public class ContentHashTests
{
    private const string Link = "https://kab-contoh.kpu.go.id/blog/read/9012_kpu-contoh-gelar-rapat";
    private const string Title = "KPU Contoh Gelar Rapat";
    private const string Body = "<p>Contoh, 5 Januari 2026 — Teks sintetis.</p><p>dok. foto Peserta rapat</p>"
        + "<p><img src=\"https://kab-contoh.kpu.go.id/images/blog_post/1767600000a1b2.jpg\"></p><p>Teks sintetis. (HumasKPUContoh)</p>";

    private static readonly string Original = ContentHash.Of(Link, Title, Body);

    [Fact]
    public void Is_hex_sha256() => Assert.Matches("^[0-9a-f]{64}$", Original);

    [Theory]
    [InlineData("<p>75</p>", "<p>76</p>")]
    [InlineData("<p>Telah dilihat 123 kali</p>", "<p>Telah dilihat 124 kali</p>")]
    [InlineData("<p>Dilihat: 45</p>", "<p>Dilihat: 1.045</p>")]
    [InlineData("<span>45 views</span>", "<span>46 views</span>")]
    [InlineData("<p>Teks. Dilihat 45 kali</p>", "<p>Teks. Dilihat 46 kali</p>")]
    public void Ignores_a_changed_view_counter(string before, string after) =>
        Assert.Equal(ContentHash.Of(Link, Title, Body + before), ContentHash.Of(Link, Title, Body + after));

    [Theory]
    [InlineData("<p><a href=\"https://kab-contoh.kpu.go.id/blog/read/9012_kpu-contoh-gelar-rapat\">Selengkapnya</a></p>")]
    [InlineData("<div>Bagikan: <a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">facebook</a></div>")]
    [InlineData("<p>Bagikan</p><ul><li><a href=\"https://wa.me/?text=x\">WhatsApp</a></li><li><a href=\"https://twitter.com/intent/tweet?url=x\">Twitter</a></li></ul>")]
    [InlineData("<p>_token: 9f8e7d6c5b4a</p>")]
    [InlineData("<p>1234</p>")]
    public void Ignores_volatile_lines(string noise) =>
        Assert.Equal(Original, ContentHash.Of(Link, Title, Body + noise));

    [Fact]
    public void Ignores_a_read_more_marker_in_a_line() =>
        Assert.Equal(ContentHash.Of(Link, Title, "<p>Teks sintetis.</p>"), ContentHash.Of(Link, Title, "<p>Teks sintetis. Selengkapnya</p>"));

    [Fact]
    public void Ignores_cache_busters_in_image_urls() =>
        Assert.Equal(ContentHash.Of(Link, Title, "<img src=\"https://kab-contoh.kpu.go.id/a.jpg?v=1\">"),
            ContentHash.Of(Link, Title, "<img src=\"https://kab-contoh.kpu.go.id/a.jpg?v=2&amp;_=1767600000\">"));

    [Fact]
    public void Ignores_whitespace_differences() =>
        Assert.Equal(Original, ContentHash.Of(Link, " KPU  Contoh Gelar Rapat ", Body.Replace("</p><p>", "</p>\n  <p>")));

    [Fact]
    public void Changes_when_the_body_is_edited() =>
        Assert.NotEqual(Original, ContentHash.Of(Link, Title, Body.Replace("Peserta rapat", "Peserta rapat pleno")));

    [Fact]
    public void Changes_when_the_title_is_edited() =>
        Assert.NotEqual(Original, ContentHash.Of(Link, "KPU Contoh Gelar Rapat Pleno", Body));

    [Fact]
    public void Changes_when_the_image_is_replaced() =>
        Assert.NotEqual(Original, ContentHash.Of(Link, Title, Body.Replace("1767600000a1b2.jpg", "1767600001c3d4.jpg")));

    [Fact]
    public void Keeps_case() =>
        Assert.NotEqual(Original, ContentHash.Of(Link, Title, Body.Replace("Teks sintetis.", "TEKS SINTETIS.")));
}
