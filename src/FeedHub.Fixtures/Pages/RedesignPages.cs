using System.Text;

namespace FeedHub.Fixtures.Pages;

/// <summary>
/// The site after a template change (§7): lists still answer 200, but articles live at
/// <c>/post/{slug}</c> in new markup, so no <c>/blog/read/</c> link is left to find.
/// </summary>
internal static class RedesignPages
{
    public static string List(PageRequest request, int category, int page)
    {
        var site = request.Site;
        var size = site.PageSize;
        var html = new StringBuilder(4096);
        html.Append("<div class=\"app\"><main><h1 class=\"headline\">Kabar Terbaru</h1>\n<ul class=\"cards\">\n");
        foreach (var article in site.Catalog.InCategory(category).Skip((page - 1) * size).Take(size))
        {
            var truth = article.Truth;
            var excerpt = StoredArticle.Paragraphs(truth.BodyText).FirstOrDefault() ?? "";
            html.Append("<li class=\"card\"><a class=\"card-link\" href=\"/post/").Append(truth.Slug).Append("\"><h4>")
                .Append(PageChrome.Html(truth.Title)).Append("</h4></a><p>").Append(PageChrome.Html(excerpt)).Append("</p></li>\n");
        }
        html.Append("</ul></main></div>\n");
        return Document(request, "Kabar Terbaru", html.ToString());
    }

    public static string Article(PageRequest request, StoredArticle article)
    {
        var truth = article.Truth;
        var html = new StringBuilder(4096);
        html.Append("<div class=\"app\"><article class=\"story\"><h1 class=\"story-title\">").Append(PageChrome.Html(truth.Title))
            .Append("</h1>\n<div class=\"story-body\">\n");
        foreach (var paragraph in StoredArticle.Paragraphs(truth.BodyText))
            html.Append("<p>").Append(PageChrome.Html(paragraph)).Append("</p>\n");
        html.Append("</div></article></div>\n");
        return Document(request, truth.Title, html.ToString());
    }

    private static string Document(PageRequest request, string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>{PageChrome.Html(title)} | {PageChrome.Html(request.Site.Name)}</title>\n" +
        $"<link rel=\"stylesheet\" href=\"/build/app.css?id={request.Token(5)[..12]}\">\n</head>\n<body>\n" +
        $"<nav class=\"topbar\"><a href=\"/\">Beranda</a> <a href=\"/kategori/berita\">Berita</a></nav>\n{body}" +
        "<footer class=\"bottom\">Komisi Pemilihan Umum</footer>\n</body>\n</html>\n";
}
