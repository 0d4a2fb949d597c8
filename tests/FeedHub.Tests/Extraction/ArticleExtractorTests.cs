using AngleSharp.Html.Parser;
using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Sources;

namespace FeedHub.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private static readonly Uri PoloUrl = KpuPages.Article("/blog/read/9012_kpu-contoh-gelar-rapat");
    private static readonly Uri BareUrl = KpuPages.Article("/blog/read/9010_uji-amp-quot-kutip-amp-quot-di-forum-kamis-sesuatu");
    private static readonly Uri OtherUrl = KpuPages.Article("/index.php/blog/read/9019_bimtek-ppk-se-kabupaten-contoh");

    private static ExtractedArticle Polo(Selectors? overrides = null) => Extract("article-polo.html", PoloUrl, overrides);
    private static ExtractedArticle Bare() => Extract("article-bare.html", BareUrl);
    private static ExtractedArticle Other() => Extract("article-other-classes.html", OtherUrl);

    private static ExtractedArticle Extract(string page, Uri url, Selectors? overrides = null) =>
        ArticleExtractor.Extract(KpuPages.Read(page), url, KpuPages.Source(overrides));

    /// <summary>The body's visible text, whitespace collapsed.</summary>
    private static string BodyText(ExtractedArticle article) =>
        string.Join(" ", new HtmlParser().ParseDocument("<body>" + article.ContentHtml + "</body>").Body!.TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("article-polo.html", "/blog/read/9012_kpu-contoh-gelar-rapat", "KPU Contoh Gelar Rapat")]
    [InlineData("article-bare.html", "/blog/read/9010_uji-amp-quot-kutip-amp-quot-di-forum-kamis-sesuatu", "Uji \"Kutip\" di Forum Kamis Sesuatu")]
    [InlineData("article-other-classes.html", "/index.php/blog/read/9019_bimtek-ppk-se-kabupaten-contoh", "Bimtek PPK Se-Kabupaten Contoh")]
    public void Takes_the_article_title_not_the_category_heading(string page, string path, string title)
    {
        Assert.Equal(title, Extract(page, KpuPages.Article(path)).Title);
    }

    [Fact]
    public void Prefers_the_heading_resembling_the_slug_when_the_page_title_is_generic()
    {
        var html = "<html><head><title>KPU Kabupaten Contoh</title></head><body><h1>Berita Terkini</h1><h2>Rapat Pleno Terbuka</h2><div><p>Contoh, 5 Januari 2026 — Teks sintetis.</p></div></body></html>";

        var article = ArticleExtractor.Extract(html, KpuPages.Article("/blog/read/rapat-pleno-terbuka"), KpuPages.Source());

        Assert.Equal("Rapat Pleno Terbuka", article.Title);
    }

    [Theory]
    [InlineData("article-polo.html", "/blog/read/9012_kpu-contoh-gelar-rapat", "Contoh, 5 Januari 2026 — Teks sintetis.")]
    [InlineData("article-bare.html", "/blog/read/9010_uji-amp-quot-kutip-amp-quot-di-forum-kamis-sesuatu", "Contoh (8/1) – Teks sintetis.")]
    [InlineData("article-other-classes.html", "/index.php/blog/read/9019_bimtek-ppk-se-kabupaten-contoh", "Contoh – Teks sintetis, Selasa (6/1/2026).")]
    public void Body_starts_with_the_dateline_paragraph(string page, string path, string start)
    {
        var article = Extract(page, KpuPages.Article(path));

        Assert.StartsWith(start, BodyText(article));
        Assert.StartsWith("<p>", article.ContentHtml);
    }

    [Theory]
    [InlineData("article-polo.html", "/blog/read/9012_kpu-contoh-gelar-rapat")]
    [InlineData("article-bare.html", "/blog/read/9010_uji-amp-quot-kutip-amp-quot-di-forum-kamis-sesuatu")]
    [InlineData("article-other-classes.html", "/index.php/blog/read/9019_bimtek-ppk-se-kabupaten-contoh")]
    public void Body_leaves_out_share_block_counters_sidebar_and_scripts(string page, string path)
    {
        var article = Extract(page, KpuPages.Article(path));
        var text = BodyText(article);

        foreach (var noise in new[] { "Bagikan", "Share", "facebook", "sharer", "wa.me", "dilihat", "Dibaca", "Berita Terkait", "Berita Terbaru", "Running text", "Beranda", "©", "token", "<script" })
            Assert.DoesNotContain(noise, article.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(^|\s)(75|132|12)(\s|$)", text);
    }

    [Fact]
    public void Body_drops_the_repeated_title_and_empty_paragraphs_but_keeps_captions_and_credit()
    {
        var text = BodyText(Polo());

        Assert.DoesNotContain("KPU Contoh Gelar Rapat", text);
        Assert.Contains("dok. foto Peserta rapat koordinasi", text);
        Assert.EndsWith("Teks sintetis penutup rapat. (HumasKPUContoh)", text);
    }

    [Fact]
    public void Body_keeps_images_inside_the_text()
    {
        Assert.Contains("1767700000e5f7.jpg", Bare().ContentHtml);
    }

    [Theory]
    [InlineData("article-polo.html", "/blog/read/9012_kpu-contoh-gelar-rapat", "(HumasKPUContoh)")]
    [InlineData("article-bare.html", "/blog/read/9010_uji-amp-quot-kutip-amp-quot-di-forum-kamis-sesuatu", "[A/foto:FM]")]
    [InlineData("article-other-classes.html", "/index.php/blog/read/9019_bimtek-ppk-se-kabupaten-contoh", "By : MM")]
    public void Leaves_the_trailing_credit_in_the_text_and_never_makes_it_the_author(string page, string path, string credit)
    {
        var article = Extract(page, KpuPages.Article(path));

        Assert.Null(article.Author);
        Assert.Contains(credit, BodyText(article));
    }

    [Theory]
    [InlineData("Teks sintetis. (***/RED)")]
    [InlineData("Teks sintetis. (sof/ed. Foto: ybc/KPU Kota Semarang)")]
    [InlineData("Teks sintetis. [B/foto:MM]")]
    [InlineData("Teks sintetis. (HumasKPUKendal)")]
    [InlineData("dok. foto Peserta rapat koordinasi")]
    [InlineData("Rapat digelar di aula Komisi Pemilihan Umum (KPU).")]
    public void A_credit_code_at_the_end_of_the_body_is_not_an_author(string lastParagraph)
    {
        var html = $"<html><head><title>Rapat Pleno - KPU Kabupaten Contoh</title></head><body><h2>Rapat Pleno</h2><div><p>Contoh, 5 Januari 2026 — Teks sintetis pembuka.</p><p>{lastParagraph}</p></div></body></html>";

        Assert.Null(ArticleExtractor.Extract(html, KpuPages.Article("/blog/read/rapat-pleno"), KpuPages.Source()).Author);
    }

    [Fact]
    public void Drops_a_repeated_title_that_follows_the_date_and_counter_line()
    {
        const string html = """
            <html><head><title>KPU Kabupaten Contoh | Rapat Pleno Terbuka</title></head><body><main><article>
            <h1>Rapat Pleno Terbuka</h1>
            <p><small>Rabu, 25 November 2026 · Dilihat 123 kali</small></p>
            <p>Rapat Pleno Terbuka</p><p>&nbsp;</p>
            <p>Contoh, 25 November 2026 – Teks sintetis rapat pleno terbuka rekapitulasi daftar pemilih berkelanjutan.</p>
            <p>Teks sintetis kedua tentang hasil rapat pleno yang ditetapkan bersama. (HumasKPUContoh)</p>
            </article></main></body></html>
            """;

        var text = BodyText(ArticleExtractor.Extract(html, KpuPages.Article("/blog/read/9050_rapat-pleno-terbuka"), KpuPages.Source()));

        Assert.StartsWith("Rabu, 25 November 2026 · Dilihat 123 kali Contoh, 25 November 2026", text);
    }

    [Fact]
    public void Turns_trailing_hashtag_lines_into_tags_and_removes_them()
    {
        var article = Bare();

        Assert.Equal(["TemanPemilih", "PemiluDamai", "Berita KPU"], article.Tags);
        Assert.DoesNotContain("#TemanPemilih", article.ContentHtml);
        Assert.DoesNotContain("Berita KPU", article.ContentHtml);
    }

    [Fact]
    public void Reads_the_category_label_near_the_title()
    {
        Assert.Equal("Sosialisasi", Polo().CategoryLabel);
    }

    [Fact]
    public void Takes_the_featured_image_before_the_title()
    {
        Assert.Equal("/images/blog_post/1767600000a1b2.jpg", Polo().ImageUrl);
    }

    [Fact]
    public void Takes_the_lazy_image_url_instead_of_the_placeholder()
    {
        Assert.Equal("/images/blog_post/1767700000e5f6.jpg", Bare().ImageUrl);
    }

    [Fact]
    public void Takes_og_meta_for_image_and_summary()
    {
        var article = Other();

        Assert.Equal("https://kab-contoh.kpu.go.id/images/blog_post/og-bimtek.jpg", article.ImageUrl);
        Assert.Equal("KPU Kabupaten Contoh menggelar bimbingan teknis bagi PPK.", article.Summary);
        Assert.Null(Polo().Summary);
    }

    [Fact]
    public void Lists_meta_dates_first_then_the_date_element_then_body_text()
    {
        var dates = Other().Dates;

        Assert.Equal(
        [
            new DateCandidate(DateSource.Meta, "2026-01-06T09:30:00+07:00"),
            new DateCandidate(DateSource.Meta, "2026-01-06"),
            new DateCandidate(DateSource.PageElement, "6 Januari 2026"),
        ], dates.Take(3));
        Assert.Equal(DateSource.BodyText, dates[^1].Source);
    }

    [Fact]
    public void Finds_a_short_date_element_next_to_the_title()
    {
        Assert.Contains(new DateCandidate(DateSource.PageElement, "05 Jan 2026"), Polo().Dates);
        Assert.Contains(new DateCandidate(DateSource.PageElement, "Kamis, 8 Januari 2026"), Bare().Dates);
    }

    /// <summary>Class-less templates put the date in a line with the view counter under the headline; the body states none.</summary>
    [Theory]
    [InlineData("<p><small>Rabu, 25 November 2026 · Dilihat 123 kali</small></p>")]
    [InlineData("<div><p><small>Rabu, 25 November 2026 · Dilihat 123 kali</small></p></div>")]
    [InlineData("<div>Rabu, 25 November 2026 | Dilihat 123 kali | Admin</div>")]
    [InlineData("<p>Diposting pada Rabu, 25 November 2026 oleh admin · 123 views</p>")]
    [InlineData("<p><small>25/11/2026 · Dibaca 123 kali</small></p>")]
    [InlineData("<p>Oleh: Admin | Rabu, 25 November 2026</p>")]
    [InlineData("<div><span>Tanggal: 25 November 2026</span> <span>Dibaca: 123</span></div>")]
    [InlineData("<p>Dipublikasikan 25 November 2026 · 4 menit baca</p>")]
    public void A_class_less_page_yields_the_date_of_its_counter_line(string metaLine)
    {
        var html = $$"""
            <html><head><title>KPU Kabupaten Contoh | Rapat Pleno Terbuka</title></head><body>
            <div><a href="/">Beranda</a> <a href="/index.php/blog/category/104">Berita</a></div>
            <div><h1>Rapat Pleno Terbuka</h1>
            {{metaLine}}
            <div><p>KPU Kabupaten Contoh menggelar rapat pleno terbuka rekapitulasi daftar pemilih berkelanjutan di aula kantor.</p>
            <p>Teks sintetis kedua tentang hasil rapat pleno yang ditetapkan bersama seluruh peserta. (HumasKPUContoh)</p></div>
            </div></body></html>
            """;
        var article = ArticleExtractor.Extract(html, KpuPages.Article("/blog/read/9050_rapat-pleno-terbuka"), KpuPages.Source());

        var date = PublishedDateResolver.Resolve(article.Dates, new DateParseContext(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.FromHours(7)), TimeZones.Wib));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(7)), date.Published);
        Assert.Equal("Rapat Pleno Terbuka", article.Title);
    }

    [Fact]
    public void Offers_the_first_three_body_paragraphs_as_body_text_date()
    {
        var body = Polo().Dates.Single(d => d.Source == DateSource.BodyText);

        var lines = body.Text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Contoh, 5 Januari 2026 —", lines[0]);
    }

    [Fact]
    public void Date_selector_overrides_the_neighbour_search()
    {
        var dates = Polo(new Selectors { Date = ".post-meta-comments" }).Dates;

        Assert.Equal(new DateCandidate(DateSource.PageElement, "75"), dates.Single(d => d.Source == DateSource.PageElement));
    }

    [Fact]
    public void Title_and_body_selectors_override_the_heuristics()
    {
        var article = Polo(new Selectors { Title = "#page-title h1", Body = ".post-tags" });

        Assert.Equal("Berita Terkini", article.Title);
        Assert.DoesNotContain("Contoh, 5 Januari 2026", article.ContentHtml);
    }

    [Fact]
    public void A_body_selector_that_matches_nothing_is_an_error_naming_it()
    {
        var error = Assert.Throws<ExtractionException>(() => Polo(new Selectors { Body = ".entry-content" }));

        Assert.Contains(".entry-content", error.Message);
        Assert.Contains(PoloUrl.ToString(), error.Message);
    }

    [Fact]
    public void A_maintenance_page_served_with_200_is_an_error_naming_the_url()
    {
        var error = Assert.Throws<ExtractionException>(() => Extract("maintenance.html", PoloUrl));

        Assert.Contains(PoloUrl.ToString(), error.Message);
    }

    [Fact]
    public void A_page_without_text_is_an_error()
    {
        var error = Assert.Throws<ExtractionException>(() =>
            ArticleExtractor.Extract("<html><head><title></title></head><body><div></div></body></html>", PoloUrl, KpuPages.Source()));

        Assert.Contains(PoloUrl.ToString(), error.Message);
    }

    [Fact]
    public void An_article_about_maintenance_is_still_an_article()
    {
        var html = "<html><head><title>Gudang Logistik dalam Pemeliharaan - KPU Kabupaten Contoh</title></head><body><h2>Gudang Logistik dalam Pemeliharaan</h2><div><p>Contoh, 5 Januari 2026 — Gudang logistik sedang dalam pemeliharaan atap.</p></div></body></html>";

        var article = ArticleExtractor.Extract(html, KpuPages.Article("/blog/read/gudang-logistik-dalam-pemeliharaan"), KpuPages.Source());

        Assert.Equal("Gudang Logistik dalam Pemeliharaan", article.Title);
    }
}
