using System.Text;
using static System.FormattableString;

namespace FeedHub.Fixtures.Pages;

/// <summary>
/// A category list page (docs/kpu-sites.md §4, §9a/b): heading, then per entry image link, title link,
/// body copy and, in variant B, a view counter and "Selengkapnya". Entries carry no dates.
/// </summary>
internal static class ListPage
{
    public static string Render(PageRequest request, int category, int page)
    {
        var site = request.Site;
        var t = request.Theme;
        var all = site.Catalog.InCategory(category);
        var size = site.PageSize;
        var entries = all.Skip((page - 1) * size).Take(size).ToArray();
        var heading = site.CategoryHeading(category);
        var main = new StringBuilder(4096);
        main.Append(PageChrome.PageTitle(t, heading));
        main.Append("<section><div").Append(Theme.Id(t.Blog)).Append(">\n");
        foreach (var article in entries) Entry(main, request, article);
        main.Append("</div>\n");
        var lastPage = (all.Count + size - 1) / size;
        if (page <= lastPage && lastPage > 1) Pagination(main, request, category, page, lastPage);
        main.Append("</section>\n");
        return PageChrome.Document(request, $"{PageChrome.Html(heading)} - {PageChrome.Html(site.Name)}", "", main.ToString());
    }

    private static void Entry(StringBuilder html, PageRequest request, StoredArticle article)
    {
        var site = request.Site;
        var t = request.Theme;
        var truth = article.Truth;
        var variantB = site.List switch
        {
            ListVariant.B => true,
            ListVariant.Mixed => truth.Slug.Length % 2 == 0,
            _ => false,
        };
        var imageHref = site.Style.AbsoluteImageLinks ? new Uri(site.BaseUri, truth.Path).AbsoluteUri : truth.Path;
        html.Append('<').Append(t.ItemTag).Append(Theme.Class(t.Item)).Append(">\n");
        html.Append("<div").Append(Theme.Class(t.Image)).Append("><a href=\"").Append(PageChrome.Html(imageHref)).Append("\"><img src=\"")
            .Append(article.ImagePath ?? "/assets/images/no-image.png").Append("\" alt=\"\"></a></div>\n");
        html.Append("<div").Append(Theme.Class(t.ItemBody)).Append(">\n");
        if (variantB)
            html.Append("<span").Append(Theme.Class(t.Counter)).Append('>').Append(DateSpelling.Number(article.Views.Next())).Append("</span>\n");
        html.Append('<').Append(t.ListTitleTag).Append(Theme.Class(t.ListTitle)).Append('>');
        if (!article.HidesListTitle)
            html.Append("<a href=\"").Append(PageChrome.Html(truth.Path)).Append("\">").Append(PageChrome.CmsTitle(truth.Title)).Append("</a>");
        html.Append("</").Append(t.ListTitleTag).Append(">\n");
        foreach (var paragraph in StoredArticle.Paragraphs(truth.BodyText))
            html.Append("<p>").Append(PageChrome.Html(paragraph)).Append("</p>\n");
        if (variantB || article.HidesListTitle)
            html.Append("<a href=\"").Append(PageChrome.Html(truth.Path)).Append('"').Append(Theme.Class(t.More)).Append(">Selengkapnya</a>\n");
        html.Append("</div>\n</").Append(t.ItemTag).Append(">\n");
    }

    private static void Pagination(StringBuilder html, PageRequest request, int category, int page, int lastPage)
    {
        var site = request.Site;
        string Href(int n) => site.Style.Pagination switch
        {
            PaginationHrefs.Absolute => new Uri(site.BaseUri, Invariant($"/index.php/blog/category/{category}?page={n}")).AbsoluteUri,
            PaginationHrefs.JunkSuffix => Invariant($"/index.php/blog/category/{category}/x?page={n}"),
            _ => Invariant($"?page={n}"),
        };
        html.Append("<ul").Append(Theme.Class(request.Theme.Pagination)).Append('>');
        if (page > 1) html.Append("<li><a href=\"").Append(PageChrome.Html(Href(page - 1))).Append("\">«</a></li>");
        var first = Math.Max(1, page - 2);
        for (var n = first; n <= Math.Min(lastPage, first + 4); n++)
        {
            html.Append(n == page ? "<li><span>" : "<li><a href=\"" + PageChrome.Html(Href(n)) + "\">")
                .Append(DateSpelling.Number(n)).Append(n == page ? "</span></li>" : "</a></li>");
        }
        if (page < lastPage) html.Append("<li><a href=\"").Append(PageChrome.Html(Href(page + 1))).Append("\">»</a></li>");
        html.Append("</ul>\n");
    }
}
