using FeedHub.Extraction;

namespace FeedHub.Tests.Extraction;

/// <summary>The author comes only from an element that marks one, never from a credit code in the text.</summary>
public sealed class ArticleAuthorTests
{
    private static string Page(string head = "", string byline = "", string lastParagraph = "Teks sintetis penutup. (***/RED)") => $$"""
        <html><head><title>Rapat Pleno Terbuka - KPU Kabupaten Contoh</title>{{head}}</head><body>
        <section><h1>Berita Terkini</h1></section>
        <div><h2>Rapat Pleno Terbuka</h2>{{byline}}
        <div><p>Contoh, 5 Januari 2026 — Teks sintetis pembuka rapat pleno terbuka rekapitulasi daftar pemilih.</p>
        <p>dok. foto Peserta rapat pleno</p><p>{{lastParagraph}}</p></div></div></body></html>
        """;

    private static string? AuthorOf(string html) =>
        ArticleExtractor.Extract(html, KpuPages.Article("/blog/read/9030_rapat-pleno-terbuka"), KpuPages.Source()).Author;

    [Fact]
    public void Reads_meta_name_author()
    {
        Assert.Equal("Dwi Lestari", AuthorOf(Page(head: """<meta name="author" content="Dwi Lestari">""")));
    }

    [Fact]
    public void Reads_a_rel_author_link()
    {
        Assert.Equal("Agus Santoso", AuthorOf(Page(byline: """<p>Oleh <a rel="author" href="/penulis/agus">Agus Santoso</a></p>""")));
    }

    [Fact]
    public void Reads_an_itemprop_author_without_its_by_prefix()
    {
        Assert.Equal("Rina Wulandari", AuthorOf(Page(byline: """<span itemprop="author">Oleh: Rina Wulandari</span>""")));
    }

    [Fact]
    public void Reads_an_element_whose_class_says_author()
    {
        Assert.Equal("Bambang Riyadi", AuthorOf(Page(byline: """<div class="post-author">By Bambang Riyadi</div>""")));
    }

    [Theory]
    [InlineData("(***/RED)")]
    [InlineData("[B/foto:MM]")]
    [InlineData("(HumasKPUKendal)")]
    [InlineData("dok. foto Humas")]
    [InlineData("admin")]
    [InlineData("KPU Kabupaten Contoh")]
    public void A_credit_code_or_placeholder_in_an_author_element_is_no_author(string credit)
    {
        Assert.Null(AuthorOf(Page(byline: $"""<span class="author">{credit}</span>""")));
    }

    [Fact]
    public void The_site_name_as_meta_author_is_no_author()
    {
        Assert.Null(AuthorOf(Page(head: """<meta name="author" content="KPU Kabupaten Contoh">""")));
    }

    [Fact]
    public void A_page_that_marks_no_author_has_none_whatever_its_credit_line()
    {
        Assert.Null(AuthorOf(Page(lastParagraph: "Teks sintetis penutup. By : MM")));
    }
}
