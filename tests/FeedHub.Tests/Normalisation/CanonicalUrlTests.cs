using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public class CanonicalUrlTests
{
    private static readonly Uri Blora = new("https://kab-blora.kpu.go.id/");
    private static readonly Uri Fixture = new("http://127.0.0.1:5123/");

    [Theory]
    [InlineData("https://jateng.bawaslu.go.id/berita/rekap", "https://jateng.bawaslu.go.id/berita/rekap")]
    [InlineData("http://example.org/news?utm_source=x", "http://example.org/news")]
    public void Keeps_the_scheme_of_links_to_other_hosts(string url, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Of(new Uri(url), Fixture).AbsoluteUri);

    [Theory]
    [InlineData("http://KAB-Blora.kpu.go.id/index.php/blog/read/8313_kpu-rapat/?utm_source=x#top", "https://kab-blora.kpu.go.id/blog/read/8313_kpu-rapat")]
    [InlineData("/index.php/blog/read/apel-padi-di-awal-agustus", "https://kab-blora.kpu.go.id/blog/read/apel-padi-di-awal-agustus")]
    [InlineData("https://kab-blora.kpu.go.id:443/blog/read/9012_kpu-contoh", "https://kab-blora.kpu.go.id/blog/read/9012_kpu-contoh")]
    [InlineData("https://kab-blora.kpu.go.id/blog/read/9012_kpu-contoh?page=2&_token=abc", "https://kab-blora.kpu.go.id/blog/read/9012_kpu-contoh")]
    [InlineData("/berita/baca/123/judul-berita/", "https://kab-blora.kpu.go.id/berita/baca/123/judul-berita")]
    [InlineData("https://kab-blora.kpu.go.id/index.php/blog/category/104?page=13", "https://kab-blora.kpu.go.id/blog/category/104?page=13")]
    [InlineData("https://kab-blora.kpu.go.id/index.php/blog/category/104?page=1", "https://kab-blora.kpu.go.id/blog/category/104")]
    [InlineData("/blog/category/104?sort=new&page=2&utm_medium=x", "https://kab-blora.kpu.go.id/blog/category/104?page=2")]
    [InlineData("/index.php/blog/category/104/x?page=2", "https://kab-blora.kpu.go.id/blog/category/104?page=2")]
    [InlineData("/blog/category/104", "https://kab-blora.kpu.go.id/blog/category/104")]
    [InlineData("/search?q=pemilu&utm_campaign=s&fbclid=1&gclid=2", "https://kab-blora.kpu.go.id/search?q=pemilu")]
    [InlineData("https://kab-blora.kpu.go.id/index.php", "https://kab-blora.kpu.go.id/")]
    [InlineData("images/foto.jpg#x", "https://kab-blora.kpu.go.id/images/foto.jpg")]
    public void Canonicalises_urls_of_a_real_site(string url, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Of(new Uri(url, UriKind.RelativeOrAbsolute), Blora).AbsoluteUri);

    [Theory]
    [InlineData("/blog/read/9012_kpu-contoh-gelar-rapat", "http://127.0.0.1:5123/blog/read/9012_kpu-contoh-gelar-rapat")]
    [InlineData("http://127.0.0.1:5123/index.php/blog/category/104?page=1", "http://127.0.0.1:5123/blog/category/104")]
    [InlineData("https://127.0.0.1:5123/blog/read/x/", "http://127.0.0.1:5123/blog/read/x")]
    public void Keeps_the_scheme_and_port_of_a_loopback_fixture(string url, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Of(new Uri(url, UriKind.RelativeOrAbsolute), Fixture).AbsoluteUri);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:humas@kpu.go.id")]
    public void Rejects_urls_that_are_not_web_pages(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => CanonicalUrl.Of(new Uri(url), Blora));
        Assert.Contains(url, error.Message);
    }
}
