using FeedHub.Extraction;

namespace FeedHub.Tests.Extraction;

/// <summary>The category a page shows: the badge near the title, else the breadcrumb; never the menu.</summary>
public sealed class ArticleCategoryTests
{
    private const string Menu = """
        <header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/index.php/blog/category/104">Berita Terkini</a></li>
        <li><a href="/index.php/blog/category/105">Sosialisasi</a></li><li><a href="/index.php/blog/category/11">Pengumuman</a></li></ul></nav></header>
        """;

    private static string Page(string beforeTitle, string aboveArticle = "") => $$"""
        <html><head><title>Rapat Koordinasi Logistik - KPU Kabupaten Contoh</title></head><body>
        {{Menu}}
        <section><h1>Berita Terkini</h1></section>
        {{aboveArticle}}
        <div><div>
        {{beforeTitle}}
        <h2>Rapat Koordinasi Logistik</h2>
        <div><p>Contoh, 7 Januari 2026 – Teks sintetis rapat koordinasi logistik bersama jajaran sekretariat dan PPK.</p>
        <p>Teks sintetis kedua tentang distribusi logistik ke seluruh kecamatan. (HumasKPUContoh)</p></div>
        </div></div></body></html>
        """;

    private static string? CategoryOf(string html) =>
        ArticleExtractor.Extract(html, KpuPages.Article("/blog/read/9020_rapat-koordinasi-logistik"), KpuPages.Source()).CategoryLabel;

    [Fact]
    public void Reads_the_category_badge_above_the_title()
    {
        Assert.Equal("Sosialisasi", CategoryOf(Page("""<span class="post-meta-category"><a href="/blog/category/105">Sosialisasi</a></span>""")));
    }

    [Fact]
    public void Reads_a_class_less_category_link_above_the_title()
    {
        Assert.Equal("Sosialisasi", CategoryOf(Page("""<p><a href="/index.php/blog/category/105">Sosialisasi</a></p>""")));
    }

    [Fact]
    public void Reads_a_marked_breadcrumb_inside_nav()
    {
        var trail = """
            <nav aria-label="breadcrumb"><ol class="breadcrumb"><li><a href="/">Beranda</a></li>
            <li><a href="/index.php/blog/category/11">Pengumuman</a></li><li class="active">Rapat Koordinasi Logistik</li></ol></nav>
            """;

        Assert.Equal("Pengumuman", CategoryOf(Page("", trail)));
    }

    [Fact]
    public void Reads_a_class_less_breadcrumb()
    {
        var trail = """<p><a href="/">Beranda</a> / <a href="/index.php/blog/category/104">Berita Terkini</a> / Rapat Koordinasi Logistik</p>""";

        Assert.Equal("Berita Terkini", CategoryOf(Page("", trail)));
    }

    [Fact]
    public void The_badge_wins_over_the_breadcrumb()
    {
        var trail = """<p><a href="/">Beranda</a> / <a href="/index.php/blog/category/104">Berita Terkini</a> / Rapat Koordinasi Logistik</p>""";

        Assert.Equal("Sosialisasi", CategoryOf(Page("""<p><a href="/blog/category/105">Sosialisasi</a></p>""", trail)));
    }

    [Fact]
    public void A_menu_of_categories_is_no_category()
    {
        var shortMenu = """<nav><a href="/">Beranda</a><a href="/index.php/blog/category/104">Berita</a><a href="/index.php/blog/category/105">Sosialisasi</a></nav>""";

        Assert.Null(CategoryOf(Page("", shortMenu)));
    }
}
