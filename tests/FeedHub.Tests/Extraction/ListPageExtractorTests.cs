using FeedHub.Extraction;
using FeedHub.Sources;

namespace FeedHub.Tests.Extraction;

public sealed class ListPageExtractorTests
{
    private static IReadOnlyList<ListEntry> Extract(string page, Selectors? overrides = null, bool requireLinks = false) =>
        ListPageExtractor.Extract(KpuPages.Read(page), KpuPages.ListUrl, KpuPages.Source(overrides), requireLinks);

    [Fact]
    public void Lists_polo_variant_B_articles_once_each_in_page_order()
    {
        var urls = Extract("list-polo.html").Select(e => e.Url.ToString());

        Assert.Equal(
        [
            "https://kab-contoh.kpu.go.id/blog/read/9012_kpu-contoh-gelar-rapat",
            "https://kab-contoh.kpu.go.id/index.php/blog/read/9011_sosialisasi-pemilih-pemula#top",
            "https://kab-contoh.kpu.go.id/blog/read/apel-pagi-awal-januari",
        ], urls);
    }

    [Fact]
    public void Takes_titles_from_heading_links_not_from_Selengkapnya()
    {
        var titles = Extract("list-polo.html").Select(e => e.Title);

        Assert.Equal(["KPU Contoh Gelar Rapat", "Sosialisasi Pemilih Pemula", "APEL PAGI AWAL JANUARI"], titles);
    }

    [Fact]
    public void Excerpt_is_the_entry_block_text_with_its_counter()
    {
        var first = Extract("list-polo.html")[0];

        Assert.StartsWith("75 KPU Contoh Gelar Rapat Contoh – Teks sintetis, Senin (5/1/2026).", first.Excerpt);
        Assert.EndsWith("(HumasKPUContoh) Selengkapnya", first.Excerpt);
        Assert.DoesNotContain("Sosialisasi Pemilih Pemula", first.Excerpt);
    }

    [Fact]
    public void Ignores_article_shaped_links_in_menu_and_footer()
    {
        var paths = Extract("list-polo.html").Select(e => e.Url.AbsolutePath).ToList();

        Assert.DoesNotContain("/blog/read/profil", paths);
        Assert.DoesNotContain("/blog/read/kebijakan-privasi", paths);
    }

    [Fact]
    public void Reads_variant_A_without_any_class_or_id()
    {
        var entries = Extract("list-bare.html");

        Assert.Equal(2, entries.Count);
        Assert.Equal("https://kab-contoh.kpu.go.id/index.php/blog/read/kpu-contoh-apel-pagi", entries[0].Url.ToString());
        Assert.Equal("KPU CONTOH APEL PAGI", entries[0].Title);
        Assert.Equal("KPU CONTOH APEL PAGI Contoh (2/10) – Teks sintetis. Seluruh jajaran sekretariat mengikuti apel pagi di halaman kantor. (abc/KPU Contoh)", entries[0].Excerpt);
    }

    [Fact]
    public void Decodes_a_double_escaped_quote_in_a_list_title()
    {
        Assert.Equal("Uji \"Kutip\"", Extract("list-bare.html")[1].Title);
    }

    [Fact]
    public void Reads_a_template_with_other_class_names()
    {
        var entries = Extract("list-other-classes.html");

        Assert.Equal(["Rakor Logistik Pilkada", "Bimtek PPK Se-Kabupaten"], entries.Select(e => e.Title));
        Assert.Contains("[A/foto:FM]", entries[0].Excerpt);
        Assert.DoesNotContain("Bimtek", entries[0].Excerpt);
    }

    [Fact]
    public void Tolerates_an_entry_without_title()
    {
        var first = Extract("list-hostile.html")[0];

        Assert.Equal("https://kab-contoh.kpu.go.id/blog/read/9030_tanpa-judul", first.Url.ToString());
        Assert.Null(first.Title);
        Assert.Contains("Teks sintetis tanpa judul.", first.Excerpt);
    }

    [Fact]
    public void Lists_a_story_linked_twice_once_at_its_first_position()
    {
        var entries = Extract("list-hostile.html");

        var pleno = Assert.Single(entries, e => e.Url.AbsolutePath.Contains("9029"));
        Assert.Equal("Rapat Pleno Terbuka", pleno.Title);
        Assert.Equal(1, entries.ToList().IndexOf(pleno));
        Assert.DoesNotContain("versi kedua", pleno.Excerpt);
    }

    [Fact]
    public void Accepts_berita_baca_links_and_ignores_other_hosts_and_pagination()
    {
        var urls = Extract("list-hostile.html").Select(e => e.Url.ToString());

        Assert.Equal(
        [
            "https://kab-contoh.kpu.go.id/blog/read/9030_tanpa-judul",
            "https://kab-contoh.kpu.go.id/blog/read/9029_rapat-pleno-terbuka",
            "https://kab-contoh.kpu.go.id/berita/baca/123/judul",
        ], urls);
    }

    [Fact]
    public void Item_and_link_selectors_override_the_heuristics()
    {
        var entries = Extract("list-other-classes.html", new Selectors { Item = "article.news-card", Link = "a.more" });

        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].Title);
        Assert.Equal("https://kab-contoh.kpu.go.id/blog/read/9020_rakor-logistik", entries[0].Url.ToString());
        Assert.Equal("Telah dilihat 31 kali Rakor Logistik Pilkada Contoh, 7 Januari 2026 – Teks sintetis rapat koordinasi logistik. [A/foto:FM] Baca selengkapnya", entries[0].Excerpt);
    }

    [Theory]
    [InlineData("list-polo.html", "Berita Terkini")]
    [InlineData("list-bare.html", "Berita")]
    [InlineData("list-other-classes.html", "Berita Terkini")]
    public void Names_its_category_by_its_heading(string page, string name)
    {
        Assert.Equal(name, ListPageExtractor.Read(KpuPages.Read(page), KpuPages.ListUrl, KpuPages.Source()).CategoryName);
    }

    [Fact]
    public void Names_its_category_by_a_link_to_itself_when_it_has_no_heading()
    {
        const string html = """
            <html><head><title>KPU Kabupaten Contoh</title></head><body>
            <h1>KPU Kabupaten Contoh</h1>
            <nav><a href="/">Beranda</a> <a href="/index.php/blog/category/105">Sosialisasi</a> <a href="/index.php/blog/category/104?page=1">Berita Terkini</a></nav>
            <div><h3><a href="/blog/read/9012_kpu-contoh-gelar-rapat">KPU Contoh Gelar Rapat</a></h3><p>Teks sintetis.</p></div>
            <a href="/index.php/blog/category/104?page=2">2</a></body></html>
            """;

        Assert.Equal("Berita Terkini", ListPageExtractor.Read(html, KpuPages.ListUrl, KpuPages.Source()).CategoryName);
    }

    [Fact]
    public void A_later_page_without_links_is_empty()
    {
        Assert.Empty(Extract("maintenance.html"));
    }

    [Fact]
    public void A_first_page_without_links_is_an_error_naming_the_page()
    {
        var error = Assert.Throws<ExtractionException>(() => Extract("maintenance.html", requireLinks: true));

        Assert.Contains(KpuPages.ListUrl.ToString(), error.Message);
        Assert.Contains("no article links", error.Message);
    }

    [Fact]
    public void An_invalid_item_selector_is_an_error_naming_it()
    {
        var error = Assert.Throws<ExtractionException>(() => Extract("list-polo.html", new Selectors { Item = "div[[" }));

        Assert.Contains("div[[", error.Message);
    }

    [Fact]
    public void Finds_every_entry_of_a_50k_entry_page_of_paragraph_and_div_wrapped_links()
    {
        var body = new System.Text.StringBuilder("<html><body>");
        for (var n = 0; n < 50_000; n++)
            body.Append($"<p><a href=\"/blog/read/{n}_berita-nomor-{n}\">Berita nomor {n}</a></p><div><a>Ringkasan {n}</a></div>");
        body.Append("</body></html>");

        var entries = ListPageExtractor.Extract(body.ToString(), KpuPages.ListUrl, KpuPages.Source());

        Assert.Equal(50_000, entries.Count);
        Assert.Equal("Berita nomor 49999", entries[^1].Title);
        Assert.Equal("Berita nomor 7", entries[7].Excerpt);
    }
}
