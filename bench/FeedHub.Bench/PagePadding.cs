using System.Globalization;
using System.Net;
using System.Text;

namespace FeedHub.Bench;

/// <summary>
/// Grows a fixture article page to the size of a live KPU page (~60 KB) with what makes them that big:
/// an inline theme stylesheet, a mega menu, "Berita Terkini"/"Berita Populer" sidebars with teasers,
/// an agenda table, a long footer and inline scripts. None of it is article text.
/// </summary>
internal static class PagePadding
{
    public const int TargetBytes = 60 * 1024;

    private static readonly string[] Headlines =
    [
        "Rapat Koordinasi Pemutakhiran Data Pemilih Berkelanjutan Triwulan IV",
        "Sosialisasi Pendidikan Pemilih bagi Pemilih Pemula di SMA Negeri 1",
        "Penandatanganan Pakta Integritas Pembangunan Zona Integritas",
        "Audiensi Bawaslu Kabupaten terkait Pengawasan Data Pemilih",
        "Kamis Hukum: Kajian Putusan Mahkamah Konstitusi tentang Pemilihan Serentak",
        "Pelantikan Anggota Panitia Pemilihan Kecamatan untuk Pemilihan Kepala Daerah",
        "Evaluasi Penyelenggaraan Pemilu 2024 bersama Partai Politik",
        "Layanan Informasi Publik melalui PPID Terintegrasi",
    ];

    public static string Pad(string html, int index)
    {
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        var bodyEnd = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (head < 0 || bodyEnd < head) throw new ArgumentException("The page has no </head> or </body> to pad around.", nameof(html));
        var style = Stylesheet();
        var menu = MegaMenu();
        var (teasers, footer) = (new StringBuilder(), Footer());
        var scripts = Scripts(index);
        var fixedSize = html.Length + style.Length + menu.Length + footer.Length + scripts.Length;
        for (var i = 0; fixedSize + teasers.Length < TargetBytes; i++) teasers.Append(Teaser(index, i));
        var bodyStart = html.IndexOf('>', html.IndexOf("<body", StringComparison.OrdinalIgnoreCase)) + 1;
        return new StringBuilder(TargetBytes + 4096)
            .Append(html, 0, head).Append(style)
            .Append(html, head, bodyStart - head).Append(menu)
            .Append(html, bodyStart, bodyEnd - bodyStart)
            .Append("<aside class=\"widget-berita\">\n<h4>Berita Terkini</h4>\n<ul>").Append(teasers).Append("</ul>\n</aside>\n")
            .Append(footer).Append(scripts)
            .Append(html, bodyEnd, html.Length - bodyEnd)
            .ToString();
    }

    private static string Stylesheet()
    {
        var css = new StringBuilder("<style>\n");
        foreach (var part in new[] { "header", "nav", "ticker", "sidebar", "footer", "widget", "card", "btn", "menu", "breadcrumb" })
            for (var i = 1; i <= 12; i++)
                css.Append(CultureInfo.InvariantCulture,
                    $".{part}-{i}{{margin:{i}px {i * 2}px;padding:{i}px;color:#8b{i:x2}1a;background:#fff;border-radius:{i % 5}px;font-family:'Roboto',sans-serif}}\n");
        return css.Append("</style>\n").ToString();
    }

    private static string MegaMenu()
    {
        var menu = new StringBuilder("<div class=\"mega-menu\"><ul>");
        string[] groups = ["Profil", "Regulasi", "Pemilu 2024", "Pemilihan 2024", "PPID", "Data Pemilih", "Publikasi"];
        foreach (var group in groups)
        {
            menu.Append("<li class=\"menu-item\"><a href=\"#\">").Append(group).Append("</a><ul class=\"submenu\">");
            for (var i = 1; i <= 8; i++)
                menu.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/index.php/page/{group.ToLowerInvariant().Replace(' ', '-')}-{i}\">{group} bagian {i}</a></li>");
            menu.Append("</ul></li>");
        }
        return menu.Append("</ul></div>\n").ToString();
    }

    private static string Teaser(int page, int i)
    {
        var title = WebUtility.HtmlEncode(Headlines[(page + i) % Headlines.Length]);
        var id = 9000 + page * 50 + i;
        return string.Create(CultureInfo.InvariantCulture,
            $"<li class=\"post-item\"><a href=\"/index.php/blog/read/{id}_teaser-{id}\"><img src=\"/storage/thumb/{id}.jpg\" alt=\"{title}\" loading=\"lazy\"></a>" +
            $"<div class=\"post-meta\"><a href=\"/index.php/blog/read/{id}_teaser-{id}\">{title}</a><span class=\"date\"><i class=\"fa fa-calendar\"></i> {1 + i % 28} Oktober 2025</span>" +
            $"<span class=\"views\"><i class=\"fa fa-eye\"></i> {100 + i * 7} kali</span></div></li>\n");
    }

    private static string Footer()
    {
        var footer = new StringBuilder("<footer class=\"site-footer\"><div class=\"row\">");
        for (var i = 1; i <= 4; i++)
            footer.Append(CultureInfo.InvariantCulture,
                $"<div class=\"col\"><h5>Kontak {i}</h5><address>Jl. Pemuda No. {i * 12}, Telp. (024) 35{i}2{i}4{i}, Email: info{i}@kpu.go.id</address>" +
                $"<ul><li><a href=\"https://facebook.com/kpu{i}\">Facebook</a></li><li><a href=\"https://instagram.com/kpu{i}\">Instagram</a></li><li><a href=\"https://youtube.com/kpu{i}\">YouTube</a></li></ul></div>");
        return footer.Append("</div></footer>\n").ToString();
    }

    private static string Scripts(int page)
    {
        var js = new StringBuilder("<script>\nwindow.dataLayer = window.dataLayer || [];\nfunction gtag(){dataLayer.push(arguments);}\n");
        for (var i = 0; i < 60; i++)
            js.Append(CultureInfo.InvariantCulture,
                $"$(document).on('click', '.menu-item-{i}', function (e) {{ e.preventDefault(); $(this).toggleClass('open'); gtag('event', 'menu', {{ id: {i}, page: {page} }}); }});\n");
        return js.Append("</script>\n").ToString();
    }
}
