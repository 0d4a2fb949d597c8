using System.Text;

namespace FeedHub.Fixtures.Pages;

/// <summary>
/// The article page of <see cref="MarkupVariant.Plain"/>: no class or id anywhere, the headline as the only
/// <c>&lt;h1&gt;</c> followed by "Rabu, 25 November 2026 · Dilihat 123 kali", and a <c>&lt;title&gt;</c> that
/// puts the site's name before or after the headline, spelt one of several ways.
/// </summary>
internal static class PlainArticlePage
{
    public static string Render(PageRequest request, StoredArticle article)
    {
        var site = request.Site;
        var truth = article.Truth;
        var main = new StringBuilder(4096);
        main.Append("<main>\n");
        if (site.Habits.Breadcrumb) ArticlePage.Breadcrumb(main, request, truth);
        main.Append("<article>\n");
        if (article.ImagePath is { } image) main.Append("<p><img src=\"").Append(image).Append("\" alt=\"\"></p>\n");
        if (truth.Category is { } label)
        {
            main.Append("<p><a href=\"/index.php/blog/category/").Append(DateSpelling.Number(truth.CategoryId)).Append("\">")
                .Append(PageChrome.Html(label)).Append("</a></p>\n");
        }
        main.Append("<h1>").Append(PageChrome.CmsTitle(truth.Title)).Append("</h1>\n");
        ArticlePage.DateElement(main, request, article);
        main.Append("<p><small>").Append(DateLine(site, truth)).Append("Dilihat ").Append(DateSpelling.Number(article.Views.Next())).Append(" kali</small></p>\n");
        if (article.RepeatsTitle) main.Append("<p>").Append(PageChrome.Html(truth.Title)).Append("</p>\n");
        ArticlePage.Body(main, site, truth);
        ArticlePage.Hashtags(main, truth);
        if (site.Style.ShareBlock) ArticlePage.Share(main, request.Theme, truth.UrlOn(site));
        main.Append("</article>\n</main>\n");
        return PageChrome.Document(request, WindowTitle(site, truth), ArticlePage.Meta(site, article), main.ToString());
    }

    /// <summary>"Rabu, 25 November 2026 · " when the story has a trustworthy date; nothing when first-seen is right or the meta line of an imported post is the page's only date.</summary>
    internal static string DateLine(FixtureSite site, FixtureArticle truth)
    {
        if (truth.ExpectedPublished is not { } published || truth.DateForm == DateForm.WordPressMeta) return "";
        var day = DateOnly.FromDateTime(published.ToOffset(Newsroom.Wib).DateTime);
        var spelling = site.Style.Spelling;
        return $"{spelling.Weekday(day)}, {DateSpelling.Number(day.Day)} {spelling.Month(day.Month)} {DateSpelling.Number(day.Year)} · ";
    }

    /// <summary>The site's name before or after the headline, as the full name, abbreviated, or the host.</summary>
    private static string WindowTitle(FixtureSite site, FixtureArticle truth)
    {
        var headline = PageChrome.CmsTitle(truth.Title);
        var name = PageChrome.Html(site.Name);
        return (truth.Slug.Length % 4) switch
        {
            0 => $"{name} | {headline}",
            1 => $"{headline} - {name}",
            2 => $"{headline} | {name.Replace("Kabupaten", "Kab.", StringComparison.Ordinal)}",
            _ => $"{site.Id}.kpu.go.id · {headline}",
        };
    }
}
