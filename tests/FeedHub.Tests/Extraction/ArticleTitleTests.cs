using FeedHub.Extraction;
using FeedHub.Sources;

namespace FeedHub.Tests.Extraction;

/// <summary>The stored title is the headline the page shows, without the site's name in any spelling.</summary>
public sealed class ArticleTitleTests
{
    private static readonly Source Salatiga = KpuPages.Source() with
    {
        Id = "kota-salatiga", Name = "KPU Kota Salatiga", Url = new Uri("https://kota-salatiga.kpu.go.id/"),
    };

    private static readonly Source Blora = Salatiga with { Id = "kab-blora", Name = "KPU Kabupaten Blora", Url = new Uri("https://kab-blora.kpu.go.id/") };

    /// <summary>A class-less article page: optional category heading, the headline, a date and counter line, the body.</summary>
    private static string Page(string windowTitle, string headline, string? categoryHeading = null, string head = "") => $$"""
        <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{{windowTitle}}</title>{{head}}</head>
        <body><header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/index.php/blog/category/104">Berita Terkini</a></li></ul></nav></header>
        {{(categoryHeading is null ? "" : $"<section><h1>{categoryHeading}</h1></section>")}}
        <main><article>
        <h1>{{headline}}</h1>
        <p><small>Rabu, 25 November 2026 · Dilihat 123 kali</small></p>
        <p>Salatiga, 25 November 2026 – Teks sintetis tentang kegiatan yang diselenggarakan di kantor sekretariat bersama jajaran.</p>
        <p>Teks sintetis kedua yang menjelaskan rangkaian kegiatan secara lengkap kepada masyarakat luas. (HumasKPUSalatiga)</p>
        </article></main>
        <footer><p>KPU Kota Salatiga</p></footer></body></html>
        """;

    private static string TitleOf(string html, Source source, string path) =>
        ArticleExtractor.Extract(html, new Uri(source.Url, path), source).Title;

    [Theory]
    [InlineData("KPU Kota Salatiga | Peringati Hari Kartini, Pegawai Kenakan Kebaya")]
    [InlineData("Peringati Hari Kartini, Pegawai Kenakan Kebaya - KPU Kota Salatiga")]
    [InlineData("Peringati Hari Kartini, Pegawai Kenakan Kebaya — KPU Kota Salatiga")]
    [InlineData("Peringati Hari Kartini, Pegawai Kenakan Kebaya · kota-salatiga.kpu.go.id")]
    [InlineData("KPU KOTA SALATIGA : Peringati Hari Kartini, Pegawai Kenakan Kebaya")]
    public void The_headline_wins_over_a_title_carrying_the_site_name(string windowTitle)
    {
        var html = Page(windowTitle, "Peringati Hari Kartini, Pegawai Kenakan Kebaya");

        Assert.Equal("Peringati Hari Kartini, Pegawai Kenakan Kebaya",
            TitleOf(html, Salatiga, "/blog/read/8820_peringati-hari-kartini-pegawai-kenakan-kebaya"));
    }

    [Theory]
    [InlineData("Rapat Pleno Penetapan DPT | KPU Kab. Blora")]
    [InlineData("Rapat Pleno Penetapan DPT - KPU Kab Blora")]
    [InlineData("Komisi Pemilihan Umum Kabupaten Blora | Rapat Pleno Penetapan DPT")]
    public void Abbreviated_and_long_spellings_of_the_site_name_are_stripped(string windowTitle)
    {
        Assert.Equal("Rapat Pleno Penetapan DPT", TitleOf(Page(windowTitle, "Rapat Pleno Penetapan DPT"), Blora, "/blog/read/rapat-pleno-penetapan-dpt"));
    }

    [Fact]
    public void A_category_heading_before_the_headline_is_never_the_title()
    {
        var html = Page("KPU Kota Salatiga | Sosialisasi Pemilih Pemula di SMA", "Sosialisasi Pemilih Pemula di SMA", categoryHeading: "Berita Terkini");

        Assert.Equal("Sosialisasi Pemilih Pemula di SMA", TitleOf(html, Salatiga, "/blog/read/8821_sosialisasi-pemilih-pemula-di-sma"));
    }

    [Fact]
    public void A_headline_that_begins_with_the_site_name_keeps_it()
    {
        var html = Page("KPU Kota Salatiga Gelar Rapat Koordinasi - KPU Kota Salatiga", "KPU Kota Salatiga Gelar Rapat Koordinasi");

        Assert.Equal("KPU Kota Salatiga Gelar Rapat Koordinasi", TitleOf(html, Salatiga, "/blog/read/8822_kpu-kota-salatiga-gelar-rapat-koordinasi"));
    }

    [Fact]
    public void An_all_caps_headline_after_the_site_name_is_kept_as_shown()
    {
        var html = Page("KPU Kota Salatiga | KPU KOTA SALATIGA IKUTI APEL PAGI", "KPU KOTA SALATIGA IKUTI APEL PAGI");

        Assert.Equal("KPU KOTA SALATIGA IKUTI APEL PAGI", TitleOf(html, Salatiga, "/blog/read/kpu-kota-salatiga-ikuti-apel-pagi"));
    }

    [Fact]
    public void A_double_escaped_quote_is_decoded_again()
    {
        var html = Page("KPU Kota Salatiga | Forum &amp;quot;Kamis Sesuatu&amp;quot;", "Forum &amp;quot;Kamis Sesuatu&amp;quot;");

        Assert.Equal("Forum \"Kamis Sesuatu\"", TitleOf(html, Salatiga, "/blog/read/8823_forum-amp-quot-kamis-sesuatu-amp-quot"));
    }

    [Fact]
    public void The_headline_is_found_through_og_title_when_the_window_title_is_generic()
    {
        var html = Page("KPU Kota Salatiga", "Bimtek Badan Adhoc Pilkada", categoryHeading: "Berita",
            head: "<meta property=\"og:title\" content=\"Bimtek Badan Adhoc Pilkada\">");

        Assert.Equal("Bimtek Badan Adhoc Pilkada", TitleOf(html, Salatiga, "/blog/read/8824_bimtek-badan-adhoc-pilkada"));
    }

    [Fact]
    public void A_title_cut_short_by_the_site_points_to_the_full_headline()
    {
        var html = Page("KPU Kota Salatiga | Peringati Hari Kartini, Pegawai Kenakan...", "Peringati Hari Kartini, Pegawai Kenakan Kebaya Nusantara");

        Assert.Equal("Peringati Hari Kartini, Pegawai Kenakan Kebaya Nusantara",
            TitleOf(html, Salatiga, "/blog/read/8825_peringati-hari-kartini-pegawai-kenakan-kebaya-nusantara"));
    }

    [Fact]
    public void A_headline_worded_almost_like_the_title_wins_over_it()
    {
        var html = Page("Rakor Persiapan Pemungutan Suara Ulang di TPS 05 - KPU Kota Salatiga", "Rakor Persiapan Pemungutan Suara Ulang (PSU) di TPS 05");

        Assert.Equal("Rakor Persiapan Pemungutan Suara Ulang (PSU) di TPS 05",
            TitleOf(html, Salatiga, "/blog/read/8826_rakor-persiapan-pemungutan-suara-ulang-psu-di-tps-05"));
    }

    [Fact]
    public void A_headline_edited_after_publishing_is_read_though_the_slug_keeps_the_old_wording()
    {
        var html = Page("KPU Kota Salatiga :: Kunjungan Kerja Komisi II DPR RI", "Kunjungan Kerja Komisi II DPR RI",
            head: """<meta property="og:title" content="Kunjungan Kerja Komisi II DPR RI">""");

        Assert.Equal("Kunjungan Kerja Komisi II DPR RI", TitleOf(html, Salatiga, "/blog/read/8830_rapat-persiapan-audiensi"));
    }

    [Theory]
    [InlineData("KPU Kota Salatiga | Peringati Hari Kartini", "Peringati Hari Kartini")]
    [InlineData("Peringati Hari Kartini - KPU Kota Salatiga", "Peringati Hari Kartini")]
    [InlineData("Uji Coba - Pemungutan Suara - KPU Kota Salatiga", "Uji Coba - Pemungutan Suara")]
    [InlineData("Pra-Pemilu di kota-salatiga.kpu.go.id", "Pra-Pemilu di kota-salatiga.kpu.go.id")]
    [InlineData("KPU Kota Salatiga", "KPU Kota Salatiga")]
    [InlineData("Pukul 10:00 WIB Rapat Dimulai", "Pukul 10:00 WIB Rapat Dimulai")]
    public void The_site_name_is_stripped_only_as_a_whole_part(string title, string stripped)
    {
        Assert.Equal(stripped, new SiteName(Salatiga).StripFrom(title));
    }
}
