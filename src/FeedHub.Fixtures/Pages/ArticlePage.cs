using System.Globalization;
using System.Text;

namespace FeedHub.Fixtures.Pages;

/// <summary>
/// An article page (docs/kpu-sites.md §4, §9c): category heading as the first <c>&lt;h1&gt;</c>, featured image,
/// optional category label, title, body (often repeating the title), hashtags, counters and share block.
/// </summary>
internal static class ArticlePage
{
    public static string Render(PageRequest request, StoredArticle article)
    {
        if (request.Site.Markup == MarkupVariant.Plain) return PlainArticlePage.Render(request, article);
        var site = request.Site;
        var t = request.Theme;
        var truth = article.Truth;
        var style = site.Style;
        var main = new StringBuilder(4096);
        main.Append(PageChrome.PageTitle(t, site.CategoryHeading(truth.CategoryId)));
        if (site.Habits.Breadcrumb) Breadcrumb(main, request, truth);
        main.Append("<section><div").Append(Theme.Id(t.Blog)).Append(Theme.Class(t.Item)).Append(">\n");
        if (article.ImagePath is { } image)
        {
            main.Append("<div").Append(Theme.Class(t.Image)).Append('>').Append(article.LazyImage
                ? $"<img src=\"/assets/images/placeholder.gif\" data-src=\"{image}\" alt=\"\">"
                : $"<img src=\"{image}\" alt=\"\">").Append("</div>\n");
        }
        if (truth.Category is { } label)
        {
            main.Append("<span").Append(Theme.Class(t.Category)).Append("><a href=\"/blog/category/")
                .Append(DateSpelling.Number(truth.CategoryId)).Append("\">").Append(PageChrome.Html(label)).Append("</a></span>\n");
        }
        main.Append('<').Append(t.ArticleTitleTag).Append(Theme.Class(t.ArticleTitle)).Append('>')
            .Append(PageChrome.CmsTitle(truth.Title)).Append("</").Append(t.ArticleTitleTag).Append(">\n");
        DateElement(main, request, article);
        if (site.List != ListVariant.A)
            main.Append("<span").Append(Theme.Class(t.Counter)).Append('>').Append(DateSpelling.Number(article.Views.Next())).Append("</span>\n");
        main.Append("<div").Append(Theme.Class(t.Content)).Append(">\n");
        if (article.RepeatsTitle) main.Append("<p>").Append(PageChrome.Html(truth.Title)).Append("</p>\n<p>&nbsp;</p>\n");
        Body(main, site, truth, t.HasClasses && site.Habits.InlineAd);
        Hashtags(main, truth);
        main.Append("</div>\n");
        if (style.ViewCountLine)
            main.Append("<p>Telah dilihat ").Append(DateSpelling.Number(article.Views.Next())).Append(" kali</p>\n");
        if (style.ShareBlock) Share(main, t, truth.UrlOn(site));
        main.Append("</div></section>\n");
        var title = $"{PageChrome.CmsTitle(truth.Title)} - {PageChrome.Html(site.Name)}";
        return PageChrome.Document(request, title, Meta(site, article), main.ToString());
    }

    /// <summary>
    /// Body paragraphs; a caption gets its photo before it and the office name links to the profile page (relative URLs).
    /// With <paramref name="inlineAd"/>, a <c>div.ads-inline</c> banner follows the second paragraph.
    /// </summary>
    internal static void Body(StringBuilder html, FixtureSite site, FixtureArticle truth, bool inlineAd = false)
    {
        var linkedName = false;
        var paragraphs = StoredArticle.Paragraphs(truth.BodyText);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var text = PageChrome.Html(paragraphs[i]);
            if (paragraphs[i].StartsWith("dok. foto", StringComparison.Ordinal))
                html.Append("<p><img src=\"/images/blog_post/content/").Append(truth.Slug).Append("-1.jpg\" alt=\"\"></p>\n");
            var name = PageChrome.Html(site.Name);
            if (i > 0 && !linkedName && text.Contains(name, StringComparison.Ordinal))
            {
                var at = text.IndexOf(name, StringComparison.Ordinal);
                text = $"{text[..at]}<a href=\"/index.php/page/profil\">{name}</a>{text[(at + name.Length)..]}";
                linkedName = true;
            }
            html.Append("<p>").Append(text).Append("</p>\n");
            if (inlineAd && i == 1) InlineAd(html);
        }
    }

    internal static void Hashtags(StringBuilder html, FixtureArticle truth)
    {
        foreach (var tag in truth.Hashtags) html.Append("<p>#").Append(PageChrome.Html(tag)).Append("</p>\n");
    }

    private static void InlineAd(StringBuilder html) =>
        html.Append("<div class=\"ads-inline\"><a href=\"https://cekdptonline.kpu.go.id\"><img src=\"/assets/images/banner-cekdpt.jpg\" alt=\"\"></a><p>")
            .Append(PageChrome.Html(PageHabits.AdText)).Append("</p></div>\n");

    /// <summary>"Beranda / {category} / {title}": an <c>ol.breadcrumb</c> on themes with class names, a bare paragraph on the others.</summary>
    internal static void Breadcrumb(StringBuilder html, PageRequest request, FixtureArticle truth)
    {
        var home = "<a href=\"/\">Beranda</a>";
        var category = $"<a href=\"/index.php/blog/category/{DateSpelling.Number(truth.CategoryId)}\">{PageChrome.Html(request.Site.CategoryHeading(truth.CategoryId))}</a>";
        var title = PageChrome.CmsTitle(truth.Title);
        html.Append(request.Theme.HasClasses
            ? $"<ol class=\"breadcrumb\"><li>{home}</li><li>{category}</li><li class=\"active\">{title}</li></ol>\n"
            : $"<p>{home} / {category} / {title}</p>\n");
    }

    internal static void DateElement(StringBuilder html, PageRequest request, StoredArticle article)
    {
        var truth = article.Truth;
        if (truth.DateForm == DateForm.WordPressMeta) return;
        var shown = truth.Published.ToOffset(Newsroom.Wib).ToString("dd MMM yyyy", CultureInfo.InvariantCulture);
        if (request.Site.Style.Meta == MetaStyle.TimeElement)
            html.Append("<time datetime=\"").Append(Iso(truth.Published)).Append("\">").Append(shown).Append("</time>\n");
        else if (request.Site.Style.PostMetaDate && request.Site.Markup == MarkupVariant.Polo && truth.ExpectedDateSource == "BodyText")
            html.Append("<span").Append(Theme.Class(request.Theme.Date)).Append('>').Append(shown).Append("</span>\n");
    }

    internal static void Share(StringBuilder html, Theme t, Uri url)
    {
        var encoded = Uri.EscapeDataString(url.AbsoluteUri);
        html.Append("<div").Append(Theme.Class(t.Share)).Append(">Bagikan: ")
            .Append("<a href=\"https://www.facebook.com/sharer/sharer.php?u=").Append(encoded).Append("\">facebook</a> ")
            .Append("<a href=\"https://twitter.com/intent/tweet?url=").Append(encoded).Append("\">twitter</a> ")
            .Append("<a href=\"https://api.whatsapp.com/send?text=").Append(encoded).Append("\">whatsapp</a></div>\n");
    }

    internal static string Meta(FixtureSite site, StoredArticle article)
    {
        var truth = article.Truth;
        if (site.Style.Meta != MetaStyle.OpenGraph || truth.DateForm == DateForm.WordPressMeta) return "";
        var meta = new StringBuilder();
        meta.Append("<meta property=\"og:type\" content=\"article\">\n")
            .Append("<meta property=\"og:title\" content=\"").Append(PageChrome.Html(truth.Title)).Append("\">\n")
            .Append("<meta property=\"og:url\" content=\"").Append(PageChrome.Html(truth.UrlOn(site).AbsoluteUri)).Append("\">\n");
        if (truth.ImageUrl is { } image) meta.Append("<meta property=\"og:image\" content=\"").Append(PageChrome.Html(image)).Append("\">\n");
        meta.Append("<meta property=\"article:published_time\" content=\"").Append(Iso(truth.Published)).Append("\">\n");
        return meta.ToString();
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.ToOffset(Newsroom.Wib).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
