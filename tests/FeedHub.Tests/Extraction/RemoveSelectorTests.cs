using FeedHub.Extraction;
using FeedHub.Sources;

namespace FeedHub.Tests.Extraction;

/// <summary>A profile's <c>remove</c> selectors drop page parts before anything is extracted.</summary>
public sealed class RemoveSelectorTests
{
    private const string Html = """
        <html><head><title>Sosialisasi Pemilih Pemula - KPU Kabupaten Contoh</title></head><body>
        <section id="page-title"><h1>Berita Terkini</h1></section>
        <div class="post-item"><h2>Sosialisasi Pemilih Pemula</h2>
        <div class="post-content">
        <p>Contoh, 9 Januari 2026 – Teks sintetis sosialisasi pemilih pemula di sekolah menengah atas.</p>
        <p>Teks sintetis kedua tentang antusiasme siswa mengikuti simulasi pemungutan suara.</p>
        <div class="ads-inline"><a href="https://cekdptonline.kpu.go.id"><img src="/assets/images/banner-cekdpt.jpg" alt=""></a><p>Iklan Layanan Masyarakat: Cek DPT Online</p></div>
        <p>Teks sintetis penutup kegiatan sosialisasi. (HumasKPUContoh)</p>
        <div class="social-share"><span>Sebarkan</span> <a href="https://example.org/kirim">kirim</a></div>
        </div></div></body></html>
        """;

    private static ExtractedArticle Extract(params string[] remove) =>
        ArticleExtractor.Extract(Html, KpuPages.Article("/blog/read/9040_sosialisasi-pemilih-pemula"),
            KpuPages.Source() with { Profile = new Profile { Name = "kpu-blog", Remove = remove } });

    [Fact]
    public void Without_a_remove_selector_the_ad_block_is_part_of_the_body()
    {
        Assert.Contains("Cek DPT Online", Extract().ContentHtml);
    }

    [Fact]
    public void Removed_parts_are_gone_from_the_body_and_its_images()
    {
        var article = Extract(".ads-inline", ".social-share");

        Assert.DoesNotContain("Cek DPT Online", article.ContentHtml);
        Assert.DoesNotContain("banner-cekdpt", article.ContentHtml);
        Assert.DoesNotContain("kirim", article.ContentHtml);
        Assert.Contains("Teks sintetis penutup kegiatan sosialisasi.", article.ContentHtml);
    }
}
