using System.Text;
using static System.FormattableString;

namespace FeedHub.Fixtures.Pages;

/// <summary>
/// The site after a <see cref="SiteMode.Relaunch"/>: a new template with its own class names, list pages at
/// the old paths linking articles as <c>/berita/baca/{id}/{slug}</c>, and article pages that no longer show
/// the category but open the body with a date and view-count line. The stories' text and images are the old ones.
/// </summary>
internal static class RelaunchPages
{
    public static string List(PageRequest request, int category, int page)
    {
        var site = request.Site;
        var size = site.PageSize;
        var all = site.Catalog.InCategory(category);
        var heading = site.CategoryHeading(category);
        var html = new StringBuilder(4096);
        html.Append("<main class=\"page\"><h1 class=\"page-heading\">").Append(PageChrome.Html(heading)).Append("</h1>\n<div class=\"news-grid\">\n");
        foreach (var article in all.Skip((page - 1) * size).Take(size))
        {
            var truth = article.Truth;
            var href = PageChrome.Html(site.RelaunchedUrlOf(truth).AbsolutePath);
            var excerpt = StoredArticle.Paragraphs(truth.BodyText).FirstOrDefault() ?? "";
            html.Append("<article class=\"news-tile\"><a class=\"news-tile-image\" href=\"").Append(href).Append("\"><img src=\"")
                .Append(article.ImagePath ?? "/v2/img/no-image.webp").Append("\" alt=\"\"></a>\n<h2 class=\"news-tile-title\"><a href=\"")
                .Append(href).Append("\">").Append(PageChrome.Html(truth.Title)).Append("</a></h2>\n<p class=\"news-tile-excerpt\">")
                .Append(PageChrome.Html(excerpt)).Append("</p><span class=\"news-tile-views\">").Append(DateSpelling.Number(article.Views.Next()))
                .Append("</span></article>\n");
        }
        html.Append("</div>\n");
        if (page * size < all.Count)
            html.Append("<nav class=\"pager\"><a href=\"").Append(Invariant($"?page={page + 1}")).Append("\">Berikutnya</a></nav>\n");
        html.Append("</main>\n");
        return Document(request, $"{PageChrome.Html(heading)} — {PageChrome.Html(site.Name)}", html.ToString());
    }

    public static string Article(PageRequest request, StoredArticle article)
    {
        var site = request.Site;
        var truth = article.Truth;
        var html = new StringBuilder(4096);
        html.Append("<main class=\"page\"><article class=\"news-detail\"><h1 class=\"news-detail-title\">").Append(PageChrome.Html(truth.Title))
            .Append("</h1>\n");
        if (article.ImagePath is { } image) html.Append("<figure class=\"news-detail-image\"><img src=\"").Append(image).Append("\" alt=\"\"></figure>\n");
        html.Append("<div class=\"news-detail-body\">\n<p class=\"news-detail-meta\">").Append(PlainArticlePage.DateLine(site, truth))
            .Append("Dilihat ").Append(DateSpelling.Number(article.Views.Next())).Append(" kali</p>\n");
        ArticlePage.Body(html, site, truth);
        ArticlePage.Hashtags(html, truth);
        html.Append("</div>\n");
        ArticlePage.Share(html, Theme.OtherClasses, site.RelaunchedUrlOf(truth));
        html.Append("</article>\n<aside class=\"sidebar\"><h3>Berita Terbaru</h3><ul>");
        foreach (var other in site.Catalog.Stored.Take(5))
            html.Append("<li><a href=\"").Append(PageChrome.Html(site.RelaunchedUrlOf(other.Truth).AbsolutePath)).Append("\">")
                .Append(PageChrome.Html(other.Truth.Title)).Append("</a></li>");
        html.Append("</ul></aside></main>\n");
        return Document(request, $"{PageChrome.Html(truth.Title)} | {PageChrome.Html(site.Name)}", html.ToString());
    }

    private static string Document(PageRequest request, string title, string main)
    {
        var site = request.Site;
        var name = PageChrome.Html(site.Name);
        return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n" +
            $"<title>{title}</title>\n<link rel=\"stylesheet\" href=\"/v2/app.css?id={request.Token(7)[..10]}\">\n</head>\n<body>\n" +
            $"<header class=\"site-header\"><a class=\"brand\" href=\"/\">{name}</a><nav class=\"menu\"><a href=\"/\">Beranda</a>" +
            $"<a href=\"/index.php/blog/category/104\">{PageChrome.Html(site.CategoryHeading(104))}</a>" +
            "<a href=\"/index.php/blog/category/105\">Sosialisasi</a><a href=\"/index.php/blog/category/11\">Pengumuman</a></nav></header>\n" +
            main + $"<footer class=\"site-footer\">© {name}</footer>\n</body>\n</html>\n";
    }
}
