using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FeedHub.Sources;

namespace FeedHub.Extraction;

/// <summary>
/// Reads one article page into an <see cref="ExtractedArticle"/> by structure (meta tags, headings
/// that resemble the URL slug, paragraph density), because the live template's class names are
/// unknown. The source's title/body/date selectors override the heuristics when set.
/// </summary>
public static class ArticleExtractor
{
    private const int ShortPage = 1000;
    private const int ShortAddition = 50;

    /// <summary>The article on the page at <paramref name="url"/>.</summary>
    /// <exception cref="ExtractionException">The page is a maintenance notice, has no title or no body text,
    /// or an override selector is invalid or matches nothing. The message names the URL.</exception>
    public static ExtractedArticle Extract(string html, Uri url, Source source)
    {
        var document = BoundedHtml.Parse(html, url);
        foreach (var selector in source.Profile.Remove)
            foreach (var part in OverrideSelector.All(document, selector, "remove", url)) part.Remove();
        var links = new ArticleLinks(source);
        var slug = links.SlugOf(url);
        var metaDates = DateCandidates.FromMeta(document).ToList();
        var author = ArticleAuthor.Find(document, source);
        var breadcrumb = ArticleCategory.FromBreadcrumb(document);
        foreach (var furniture in document.QuerySelectorAll(Noise.Furniture).ToList()) furniture.Remove();
        foreach (var banner in document.QuerySelectorAll("header, footer").Where(e => e.Closest("article, main") is null).ToList()) banner.Remove();

        var title = ArticleTitle.Find(document, url, source, slug);
        if (title is null || PageText.IsBlank(title.Text)) throw new ExtractionException($"{url}: no article title found — maintenance page or changed template?");
        RejectMaintenance(document, url, title, slug, source);

        var body = FindBody(document, url, source, title)
            ?? throw new ExtractionException($"{url}: no article body found — maintenance page or changed template?");
        var article = title.Heading is { } heading ? Blocks.CommonAncestor(heading, body) : body;
        var image = LeadImage.Find(document, WithImageNeighbours(article));
        var label = ArticleCategory.FromBadge(article) ?? breadcrumb;
        var pageDate = DateCandidates.FromPageElement(document, source.Selectors.Date, url, title.Heading, body);

        BodyCleaner.Clean(body, title);
        var tags = TrailingLines.TakeTags(body);
        if (PageText.IsBlank(PageText.Of(body))) throw new ExtractionException($"{url}: article body has no text — maintenance page or changed template?");

        return new ExtractedArticle
        {
            Url = url,
            Title = title.Text,
            ContentHtml = body.InnerHtml.Trim(),
            Summary = MetaContent(document, "meta[property='og:description']") ?? MetaContent(document, "meta[name='description']"),
            ImageUrl = image,
            CategoryLabel = label,
            Author = author,
            Tags = tags,
            Dates = [.. metaDates, .. new[] { pageDate, DateCandidates.FromBody(body) }.OfType<DateCandidate>()],
        };
    }

    private static IElement? FindBody(IDocument document, Uri url, Source source, ArticleTitle title) =>
        source.Selectors.Body is { } selector
            ? OverrideSelector.First(document, selector, "body", url) ?? throw new ExtractionException($"{url}: body selector '{selector}' matched nothing")
            : BodyLocator.Find(document, title.Heading);

    /// <summary>
    /// A short page saying "dalam pemeliharaan" whose title does not resemble the URL slug is a
    /// maintenance notice served with 200, not an article about maintenance.
    /// </summary>
    private static void RejectMaintenance(IDocument document, Uri url, ArticleTitle title, string? slug, Source source)
    {
        var text = document.Body is { } pageBody ? PageText.Of(pageBody) : "";
        if (text.Length < ShortPage && Noise.IsMaintenanceNotice(text + " " + title.Text) && title.ResemblanceTo(slug, source) < 0.5)
            throw new ExtractionException($"{url}: maintenance page (\"{title.Text}\") instead of the article");
    }

    /// <summary>
    /// The article block grown by wrappers that add (almost) no text, so a featured image in a
    /// sibling box before the title belongs to it while sidebars with their own text do not.
    /// </summary>
    private static IElement WithImageNeighbours(IElement article)
    {
        var length = PageText.Of(article).Length;
        while (article.ParentElement is { LocalName: not ("body" or "html") } parent && PageText.Of(parent).Length <= length + ShortAddition)
            article = parent;
        return article;
    }

    private static string? MetaContent(IDocument document, string selector) =>
        document.QuerySelector(selector)?.GetAttribute("content") is { } content && !PageText.IsBlank(content) ? PageText.Clean(content) : null;
}
