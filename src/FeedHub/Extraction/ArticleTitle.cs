using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FeedHub.Sources;

namespace FeedHub.Extraction;

/// <summary>The article's title text and, when the page shows it as a heading, that heading.</summary>
internal sealed record ArticleTitle(string Text, IElement? Heading)
{
    private const string Headings = "h1, h2, h3, h4, h5, h6";
    private const string TitleLikeElements = "div, p, span, strong, b";
    private const double CloseToSlug = 0.5;
    private const double SameWording = 0.8;
    private const char Undecodable = '\uFFFD';

    /// <summary>
    /// The title selector when set; otherwise the visible headline: a heading that shows og:title or
    /// <c>&lt;title&gt;</c> once the site's name is stripped from them. Failing that, og:title, then
    /// <c>&lt;title&gt;</c> without the site's name, then a heading, each checked against the URL slug.
    /// The first <c>&lt;h1&gt;</c> is often the category name ("Berita Terkini"), so headings win by
    /// what they say, never by position.
    /// </summary>
    public static ArticleTitle? Find(IDocument document, Uri url, Source source, string? slug)
    {
        if (source.Selectors.Title is { } selector)
        {
            var element = OverrideSelector.First(document, selector, "title", url)
                ?? throw new ExtractionException($"{url}: title selector '{selector}' matched nothing");
            return new ArticleTitle(PageText.Of(element), element);
        }

        var siteName = new SiteName(source);
        var pageTitle = document.QuerySelector("title") is { } title ? siteName.StripFrom(StripSuffix(PageText.Of(title), source.Profile)) : "";
        var metaTitle = siteName.StripFrom(PageText.Clean(document.QuerySelector("meta[property='og:title']")?.GetAttribute("content") ?? ""));
        var headings = document.QuerySelectorAll(Headings)
            .Select(h => (Text: PageText.Of(h), Heading: (IElement?)h))
            .Where(c => !PageText.IsBlank(c.Text))
            .ToList();
        var siteWords = SiteWords(source);
        if (Headline(headings, [metaTitle, pageTitle], siteName, slug, siteWords) is { } headline) return headline;

        var candidates = new[] { (Text: metaTitle, Heading: (IElement?)null), (Text: pageTitle, Heading: null) }
            .Where(c => !PageText.IsBlank(c.Text))
            .Concat(headings)
            .ToList();
        if (candidates.Count == 0) return null;

        var reference = slug ?? pageTitle;
        var scored = candidates.Select(c => (c.Text, c.Heading, Score: Slug.Similarity(c.Text, reference, siteWords))).ToList();
        var chosen = scored.FirstOrDefault(c => c.Score >= CloseToSlug);
        if (chosen.Text is null && scored.Any(c => c.Score > 0)) chosen = scored.MaxBy(c => c.Score);
        if (chosen.Text is null)
        {
            chosen = scored.FirstOrDefault(c => c.Heading is null);
            if (chosen.Text is null) chosen = scored.MaxBy(c => c.Text.Length);
        }
        return new ArticleTitle(chosen.Text, chosen.Heading ?? HeadingShowing(document, chosen.Text, siteWords));
    }

    /// <summary>
    /// The heading that says what og:title or <c>&lt;title&gt;</c> says (letters and digits compared,
    /// case ignored): the exact headline as the reader sees it. Failing that, a heading that the
    /// reference cut short ("Peringati Hari Kartini, Pega…") or words almost the same way. A reference
    /// that is only the site's name, or a heading sharing no word with the slug, proves nothing.
    /// </summary>
    private static ArticleTitle? Headline(
        IReadOnlyList<(string Text, IElement? Heading)> headings, IReadOnlyList<string> references, SiteName siteName, string? slug, IReadOnlySet<string> siteWords)
    {
        var usable = references.Where(r => !PageText.IsBlank(r) && !siteName.IsAllOf(r)).ToList();
        var shown = headings.Where(h => slug is null || Slug.Similarity(h.Text, slug, siteWords) > 0).ToList();
        foreach (var reference in usable)
        {
            var folded = Fold(reference);
            // A heading with bytes the charset could not decode says the same less well than the title does.
            if (shown.FirstOrDefault(h => Fold(h.Text) == folded) is { Heading: not null } same)
                return new ArticleTitle(same.Text.Contains(Undecodable) && !reference.Contains(Undecodable) ? reference : same.Text, same.Heading);
        }
        foreach (var reference in usable)
        {
            var cut = Fold(reference.TrimEnd('.', '…', ' '));
            var close = shown
                .Select(h => (h.Text, h.Heading, Score: Cut(reference) && Fold(h.Text).StartsWith(cut, StringComparison.Ordinal) ? 1 : Slug.Similarity(h.Text, reference, siteWords)))
                .Where(h => h.Score >= SameWording)
                .OrderByDescending(h => h.Score)
                .FirstOrDefault();
            if (close.Heading is not null) return new ArticleTitle(close.Text, close.Heading);
        }
        return null;
    }

    /// <summary>A title the site cut short with an ellipsis.</summary>
    private static bool Cut(string title) => title.EndsWith('…') || title.EndsWith("...", StringComparison.Ordinal);

    /// <summary>Letters and digits in lower case, one space between runs: what two spellings of one headline share.</summary>
    private static string Fold(string text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) folded.Append(char.ToLowerInvariant(c));
            else if (folded.Length > 0 && folded[^1] != ' ') folded.Append(' ');
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>How much the title resembles the URL slug (0..1); 1 when the URL has no slug to compare.</summary>
    public double ResemblanceTo(string? slug, Source source) => slug is null ? 1 : Slug.Similarity(Text, slug, SiteWords(source));

    private static IReadOnlySet<string> SiteWords(Source source) => Slug.TokensOf(source.Name + " " + source.Id);

    /// <summary>The title without what the profile's separator pattern removes (" - KPU Kabupaten Blora").</summary>
    private static string StripSuffix(string title, Profile profile)
    {
        var stripped = Regex.Replace(title, profile.TitleSeparatorPattern, "", Profile.PatternOptions, Profile.PatternTimeout).Trim();
        return stripped.Length > 0 ? stripped : title;
    }

    /// <summary>
    /// The heading that shows the title chosen from meta or <c>&lt;title&gt;</c>, if any; else the element
    /// that shows it as a heading would (<c>&lt;div class="title"&gt;</c>): the date and body are found from it.
    /// </summary>
    private static IElement? HeadingShowing(IDocument document, string title, IReadOnlySet<string> siteWords)
    {
        var headings = document.QuerySelectorAll(Headings).Select(h => (Heading: h, Text: PageText.Of(h))).ToList();
        var same = headings.FirstOrDefault(h => string.Equals(h.Text, title, StringComparison.OrdinalIgnoreCase));
        if (same.Heading is not null) return same.Heading;
        var closest = headings.Select(h => (h.Heading, Score: Slug.Similarity(h.Text, title, siteWords)))
            .OrderByDescending(h => h.Score)
            .FirstOrDefault();
        return closest.Score >= CloseToSlug ? closest.Heading : PlainElementShowing(document, title);
    }

    /// <summary>
    /// The first block or bold element in the body whose whole text is the title (innermost of nested ones; a
    /// later one is the body repeating the title, a link is another page's).
    /// </summary>
    private static IElement? PlainElementShowing(IDocument document, string title)
    {
        var showing = (document.Body?.QuerySelectorAll(TitleLikeElements) ?? Enumerable.Empty<IElement>())
            .Where(e => e.Closest("a") is null && string.Equals(PageText.Of(e), title, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return showing.Count == 0 ? null : showing.Last(e => e == showing[0] || showing[0].Contains(e));
    }
}
