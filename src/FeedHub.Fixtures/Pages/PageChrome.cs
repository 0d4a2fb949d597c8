using System.Globalization;
using System.Net;
using System.Text;

namespace FeedHub.Fixtures.Pages;

/// <summary>What every page of one response shares: the site, its current theme, and this request's noise.</summary>
internal sealed record PageRequest(FixtureSite Site, Theme Theme, long Sequence)
{
    /// <summary>A per-request token (CSRF, cache-busters): changes on every request, like the live sites'.</summary>
    public string Token(int salt) =>
        unchecked((ulong)(Sequence * 31 + salt) * 0x9E3779B97F4A7C15UL).ToString("x16", CultureInfo.InvariantCulture);
}

/// <summary>
/// The frame around every page: head with CSRF meta and cache-busted assets, header navigation,
/// running-text ticker, sidebar, footer and scripts. All of it is noise an extractor must ignore.
/// </summary>
internal static class PageChrome
{
    private static readonly string[] TickerMessages =
    [
        "Selamat datang di website resmi {0}.",
        "Cek data pemilih Anda melalui cekdptonline.kpu.go.id.",
        "Layanan informasi publik buka Senin–Jumat pukul 08.00–16.00 WIB.",
        "Waspada penipuan yang mengatasnamakan {0}.",
    ];

    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A title as the CMS prints it: escaped twice when it holds '"' or '&amp;' (§9b).</summary>
    public static string CmsTitle(string title) => Slug.ShowsDoubleEscaped(title) ? Html(Html(title)) : Html(title);

    public static string Document(PageRequest request, string title, string headExtra, string main)
    {
        var site = request.Site;
        var t = request.Theme;
        var name = Html(site.Name);
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"csrf-token\" content=\"").Append(request.Token(1)).Append("\">\n")
            .Append("<title>").Append(title).Append("</title>\n")
            .Append(headExtra)
            .Append("<link rel=\"icon\" href=\"/favicon.ico\">\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/css/plugins.css?v=").Append(request.Token(2)[..8]).Append("\">\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/css/style.css?v=").Append(request.Token(3)[..8]).Append("\">\n")
            .Append("</head>\n<body>\n<div").Append(Theme.Class(t.Wrapper)).Append(">\n");
        html.Append("<header><div><a href=\"/\"><img src=\"/assets/images/logo-kpu.png\" alt=\"").Append(name).Append("\"></a></div>\n")
            .Append("<nav><ul").Append(Theme.Class(t.Nav)).Append(">")
            .Append("<li><a href=\"/\">Beranda</a></li>")
            .Append("<li><a href=\"/index.php/page/profil\">Profil</a></li>")
            .Append("<li><a href=\"/index.php/blog/category/104\">").Append(Html(site.CategoryHeading(104))).Append("</a></li>")
            .Append("<li><a href=\"/index.php/blog/category/105\">Sosialisasi</a></li>")
            .Append("<li><a href=\"/index.php/blog/category/11\">Pengumuman</a></li>")
            .Append("<li><a href=\"/index.php/page/ppid\">PPID</a></li>")
            .Append("<li><a href=\"https://jdih.kpu.go.id\">JDIH</a></li>")
            .Append("</ul></nav></header>\n");
        var message = string.Format(CultureInfo.InvariantCulture,
            TickerMessages[(int)(request.Sequence % TickerMessages.Length)], site.Name);
        html.Append("<div").Append(Theme.Class(t.Ticker)).Append("><marquee>").Append(Html(message)).Append("</marquee></div>\n");
        html.Append(main);
        html.Append("<aside").Append(Theme.Class(t.Sidebar)).Append(">\n<h4>Tautan</h4>\n<ul>")
            .Append("<li><a href=\"https://www.kpu.go.id\">KPU RI</a></li>")
            .Append("<li><a href=\"https://jateng.kpu.go.id\">KPU Provinsi Jawa Tengah</a></li>")
            .Append("<li><a href=\"/index.php/page/layanan-informasi\">Layanan Informasi</a></li></ul>\n")
            .Append("<h4>Pengunjung</h4><p>Hari ini: ").Append(DateSpelling.Number((int)(request.Sequence % 500) + 100))
            .Append("</p>\n</aside>\n");
        html.Append("<footer").Append(Theme.Class(t.Footer)).Append(">\n<p>").Append(name)
            .Append("</p>\n<p>Copyright © ").Append(name).Append(". All rights reserved.</p>\n</footer>\n</div>\n")
            .Append("<script src=\"/assets/js/jquery.js?v=").Append(request.Token(4)[..8]).Append("\"></script>\n")
            .Append("<script>var csrf = \"").Append(request.Token(1)).Append("\"; document.addEventListener('DOMContentLoaded', function () { $('img[data-src]').each(function () { this.src = this.dataset.src; }); });</script>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The category heading block that opens list and article pages (the first <c>&lt;h1&gt;</c>).</summary>
    public static string PageTitle(Theme t, string heading) =>
        $"<section{Theme.Id(t.PageTitleId)}{Theme.Class(t.PageTitle)}><div><h1>{Html(heading)}</h1></div></section>\n";
}
