using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FeedHub.Normalisation;
using FeedHub.Sources;

namespace FeedHub.Extraction;

/// <summary>
/// Finds the article entries of a list page by structure: links whose URL is an article of the
/// source, grouped so that an article linked two or three times (image, title, "Selengkapnya")
/// yields one entry. Class names of the live template are unknown, so none are assumed; the
/// source's <see cref="Selectors.Item"/> and <see cref="Selectors.Link"/> override the heuristics when set.
/// Pagination links are never followed or returned: the crawler builds page URLs itself.
/// </summary>
public static partial class ListPageExtractor
{
    /// <summary>The reason given when a page that must list articles lists none.</summary>
    public const string NoLinksReason = "no article links — maintenance page or changed template?";

    private const int LongestCategoryName = 40;

    /// <summary>
    /// The article entries of a list page, in page order, one per article.
    /// </summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="pageUrl">The URL the page was fetched from; relative links resolve against it.</param>
    /// <param name="source">The source whose host and article patterns decide what an article link is.</param>
    /// <param name="requireLinks">
    /// When true, a page without article links throws <see cref="ExtractionException"/>
    /// ("no article links — maintenance page or changed template?"): pass it for page 1, which a working
    /// site always fills. When false (the default, right for deeper pages) such a page yields an empty list.
    /// </param>
    /// <exception cref="ExtractionException">No article links while <paramref name="requireLinks"/> is set,
    /// or an override selector is not valid CSS.</exception>
    public static IReadOnlyList<ListEntry> Extract(string html, Uri pageUrl, Source source, bool requireLinks = false) =>
        Read(html, pageUrl, source, requireLinks).Entries;

    /// <summary>
    /// The entries of a list page as <see cref="Extract"/> finds them, with the name the page gives its own
    /// category: its heading (the first <c>&lt;h1&gt;</c> without a link that is not the site's name, "Berita
    /// Terkini"), else the text of a link to this very list (the menu's). Articles whose page shows no
    /// category get this one.
    /// </summary>
    public static ListPageContent Read(string html, Uri pageUrl, Source source, bool requireLinks = false)
    {
        var document = BoundedHtml.Parse(html, pageUrl);
        var page = new ListPage(document, ArticleLinks.BaseOf(document, pageUrl), pageUrl, new ArticleLinks(source));
        var selectors = source.Selectors;
        var entries = selectors.Item is { } item ? page.FromItems(item, selectors.Link) : page.FromLinks(selectors.Link);
        if (requireLinks && entries.Count == 0) throw new ExtractionException($"{pageUrl}: {NoLinksReason}");
        return new ListPageContent(entries, CategoryName(document, pageUrl, source));
    }

    private static string? CategoryName(IDocument document, Uri pageUrl, Source source)
    {
        var ownPath = CanonicalUrl.Of(pageUrl, source.Url).AbsolutePath;
        var siteName = new SiteName(source);
        var linked = document.QuerySelectorAll("a[href]")
            .Where(a => ArticleLinks.Resolve(pageUrl, a.GetAttribute("href")) is { } target
                && string.Equals(target.Host, pageUrl.Host, StringComparison.OrdinalIgnoreCase)
                && string.Equals(CanonicalUrl.Of(target, source.Url).AbsolutePath, ownPath, StringComparison.OrdinalIgnoreCase))
            .Select(a => PageText.Of(a));
        var headings = document.QuerySelectorAll("h1").Where(h => h.QuerySelector("a[href]") is null)
            .Select(h => PageText.Of(h)).Where(text => !siteName.IsAllOf(text));
        return headings.Concat(linked)
            .FirstOrDefault(text => text.Length is > 0 and <= LongestCategoryName && !PageText.IsBlank(text) && !Filler().IsMatch(text));
    }

    /// <summary>A list page's entries and the name it gives its own category (null when it names none).</summary>
    public sealed record ListPageContent(IReadOnlyList<ListEntry> Entries, string? CategoryName);

    private sealed record Story(string Key, Uri Url, List<IElement> Anchors);

    private sealed class ListPage(IDocument document, Uri baseUrl, Uri pageUrl, ArticleLinks links)
    {
        private const string Headings = "h1, h2, h3, h4, h5, h6";

        /// <summary>Menus, banners and sidebars link static pages ("Profil") with article-shaped URLs; they are not list entries.</summary>
        private const string PageFurniture = "nav, header, footer, aside";

        public IReadOnlyList<ListEntry> FromLinks(string? linkSelector)
        {
            var anchors = linkSelector is null
                ? document.QuerySelectorAll("a[href]").Where(a => a.Closest(PageFurniture) is null).ToList()
                : OverrideSelector.All(document, linkSelector, "link", pageUrl);
            var stories = Group(anchors);
            var owner = new StoryOwners(stories);
            return stories.Select(story =>
            {
                var block = BlockOf(story, owner);
                return new ListEntry(story.Url, TitleOf(story.Anchors), ExcerptOf(block, story, owner));
            }).ToList();
        }

        public IReadOnlyList<ListEntry> FromItems(string itemSelector, string? linkSelector)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var entries = new List<ListEntry>();
            foreach (var item in OverrideSelector.All(document, itemSelector, "item", pageUrl))
            {
                var anchors = linkSelector is null
                    ? item.QuerySelectorAll("a[href]").ToList()
                    : OverrideSelector.All(item, linkSelector, "link", pageUrl);
                var story = Group(anchors).FirstOrDefault();
                if (story is null || !seen.Add(story.Key)) continue;
                entries.Add(new ListEntry(story.Url, TitleOf(story.Anchors), NullIfBlank(PageText.Of(item))));
            }
            return entries;
        }

        /// <summary>Article links grouped by canonical key, in order of first appearance.</summary>
        private List<Story> Group(IEnumerable<IElement> anchors)
        {
            var stories = new List<Story>();
            var byKey = new Dictionary<string, Story>(StringComparer.Ordinal);
            foreach (var anchor in anchors)
            {
                var url = ArticleLinks.Resolve(baseUrl, anchor.GetAttribute("href"));
                if (url is null || !links.Matches(url)) continue;
                var key = ArticleLinks.GroupKey(url);
                if (!byKey.TryGetValue(key, out var story))
                {
                    story = new Story(key, url, []);
                    byKey.Add(key, story);
                    stories.Add(story);
                }
                story.Anchors.Add(anchor);
            }
            return stories;
        }

        /// <summary>Anchor text inside a heading, else the longest anchor text that is not a "read more" or a number.</summary>
        private static string? TitleOf(IReadOnlyList<IElement> anchors)
        {
            var heading = anchors
                .Where(anchor => anchor.Closest(Headings) is not null || anchor.QuerySelector(Headings) is not null)
                .Select(anchor => PageText.Of(anchor))
                .FirstOrDefault(text => !PageText.IsBlank(text));
            return heading ?? anchors
                .Select(anchor => PageText.Of(anchor))
                .Where(text => !PageText.IsBlank(text) && !Filler().IsMatch(text))
                .MaxBy(text => text.Length);
        }

        /// <summary>
        /// The largest ancestor of the story's first link that holds no other story's link (a story
        /// linked again further down the page keeps the block where it first appeared).
        /// </summary>
        private static IElement BlockOf(Story story, StoryOwners owner)
        {
            var block = story.Anchors[0];
            while (block.ParentElement is { LocalName: not ("body" or "html") } parent && !HoldsOtherStory(parent, story, owner))
                block = parent;
            return block;
        }

        /// <summary>
        /// The block's text; when items are not wrapped (title heading and body paragraphs are
        /// siblings), the following siblings up to the next story, heading or link list belong to it too.
        /// </summary>
        private static string? ExcerptOf(IElement block, Story story, StoryOwners owner)
        {
            var parts = new List<string> { PageText.Of(block) };
            if (block.ParentElement is { LocalName: not ("body" or "html") })
            {
                for (var next = block.NextElementSibling; next is not null && Continues(next, story, owner); next = next.NextElementSibling)
                    parts.Add(PageText.Of(next));
            }
            return NullIfBlank(PageText.Collapse(string.Join(' ', parts)));
        }

        private static bool Continues(IElement sibling, Story story, StoryOwners owner)
        {
            if (HoldsOtherStory(sibling, story, owner)) return false;
            if (sibling.Matches(Headings) || sibling.QuerySelector(Headings) is not null) return false;
            if (sibling.LocalName is "nav" or "header" or "footer" or "aside" or "form" or "ul" or "ol") return false;
            var text = PageText.Of(sibling);
            var linkText = sibling.QuerySelectorAll("a").Sum(a => PageText.Of(a).Length) + (sibling.LocalName == "a" ? text.Length : 0);
            return text.Length > 0 && linkText * 2 < text.Length;
        }

        private static bool HoldsOtherStory(IElement element, Story story, StoryOwners owner) =>
            owner.HoldsOtherThan(element, story);

        private static string? NullIfBlank(string text) => PageText.IsBlank(text) ? null : text;
    }

    /// <summary>
    /// Which stories' links each element holds, marked once by climbing from every link: an element holds
    /// none, exactly one story, or several. Asking an element's every ancestor "does this hold another
    /// story's link?" by scanning all links was quadratic (a 50k-entry page took over 20 CPU-minutes);
    /// a climb stops where the ancestor is already marked with this story or with several, so each
    /// element's mark changes at most twice and the whole marking is linear in the page.
    /// </summary>
    private sealed class StoryOwners
    {
        /// <summary>The mark of an element holding links of more than one story.</summary>
        private static readonly Story Several = new("", new Uri("about:blank"), []);

        private readonly Dictionary<IElement, Story> marks = new(ReferenceEqualityComparer.Instance);

        public StoryOwners(IEnumerable<Story> stories)
        {
            foreach (var story in stories)
            foreach (var anchor in story.Anchors)
            {
                for (IElement? element = anchor; element is not null; element = element.ParentElement)
                {
                    if (!marks.TryGetValue(element, out var mark)) marks[element] = story;
                    else if (ReferenceEquals(mark, story) || ReferenceEquals(mark, Several)) break;
                    else marks[element] = Several;
                }
            }
        }

        public bool HoldsOtherThan(IElement element, Story story) =>
            marks.TryGetValue(element, out var mark) && !ReferenceEquals(mark, story);
    }

    [GeneratedRegex(@"^(?:(?:baca\s+)?selengkapnya|read\s+more|more|lanjut(?:kan)?(?:\s+membaca)?|\d+)\s*[»›>.…→]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();
}
