using static System.FormattableString;

namespace FeedHub.Fixtures;

/// <summary>
/// One fake KPU site: its articles (the truth) and its switchable behaviour. Tests mutate it while
/// the farm serves it; every member is safe to use concurrently with requests.
/// </summary>
public sealed class FixtureSite
{
    private readonly object gate = new();
    private readonly Newsroom newsroom;
    private readonly TimeProvider clock;
    private volatile Catalog catalog;
    private volatile MarkupVariant markup;
    private volatile ListVariant list;
    private volatile SiteMode mode;
    private volatile RobotsMode robots;
    private volatile SiteFault fault;

    internal FixtureSite(SiteRoster.Identity identity, Uri baseUri, SiteStyle style, PageHabits habits, PostingHabits posting, Newsroom newsroom,
        Catalog catalog, IReadOnlyList<int> categories, TimeProvider clock)
    {
        Identity = identity;
        BaseUri = baseUri;
        Style = style;
        Habits = habits;
        Posting = posting;
        Categories = categories;
        this.newsroom = newsroom;
        this.catalog = catalog;
        this.clock = clock;
        markup = style.Markup;
        list = style.List;
        robots = style.Robots;
    }

    internal SiteRoster.Identity Identity { get; }
    internal SiteStyle Style { get; }
    internal PageHabits Habits { get; }
    internal PostingHabits Posting { get; }

    /// <summary>Posts every 5–15 days, so list page 1 spans about three months.</summary>
    public bool PostsSparsely => Posting.Sparse;
    /// <summary>The oldest quarter of each category are 2019–2020 WordPress imports dated only by their meta line.</summary>
    public bool HasMigratedArchive => Posting.MigratedArchive;
    internal Catalog Catalog => catalog;

    /// <summary>Host label, e.g. <c>kab-blora</c>.</summary>
    public string Id => Identity.Id;
    /// <summary>e.g. "KPU Kabupaten Blora".</summary>
    public string Name => Identity.Name;
    /// <summary>Region slug, "jawa-tengah".</summary>
    public string Region => Identity.Region;
    /// <summary><c>http://127.0.1.N:PORT</c>: the site's own loopback address.</summary>
    public Uri BaseUri { get; }
    /// <summary>Category ids the site lists.</summary>
    public IReadOnlyList<int> Categories { get; }
    /// <summary>Entries per list page (5–10, per site); crawlers must discover it, never assume it.</summary>
    public int PageSize => Style.PageSize;

    public MarkupVariant Markup { get => markup; set => markup = value; }
    public ListVariant List { get => list; set => list = value; }
    public SiteMode Mode { get => mode; set => mode = value; }
    public RobotsMode Robots { get => robots; set => robots = value; }
    /// <summary>A transport or content fault applied to every page but robots.txt; takes precedence over <see cref="Mode"/>.</summary>
    public SiteFault Fault { get => fault; set => fault = value; }

    /// <summary>The text of the <c>div.ads-inline</c> banner some templates put inside article bodies.</summary>
    public const string InlineAdText = PageHabits.AdText;

    /// <summary>Whether article pages carry the <c>div.ads-inline</c> banner (only templates with class names do).</summary>
    public bool ShowsInlineAd => Habits.InlineAd && Markup is MarkupVariant.Polo or MarkupVariant.OtherClasses;

    /// <summary>After a <see cref="SiteMode.Relaunch"/>: whether old article URLs answer 301 to the new ones (else 404).</summary>
    public bool OldLinksRedirect { get; set; } = true;

    /// <summary>
    /// Where <paramref name="article"/> lives after a <see cref="SiteMode.Relaunch"/>: <c>/berita/baca/{id}/{slug}</c>.
    /// The new CMS numbers the old slug-only stories too, above every id the old one gave.
    /// </summary>
    public Uri RelaunchedUrlOf(FixtureArticle article) =>
        new(BaseUri, Invariant($"/berita/baca/{RelaunchedIdOf(article)}/{article.Slug}"));

    internal static int RelaunchedIdOf(FixtureArticle article) =>
        article.NumericId ?? 900_000 + (int)(StableHash(article.Slug) % 99_999);

    private static uint StableHash(string text)
    {
        var hash = 2_166_136_261u;
        foreach (var c in text) hash = unchecked((hash ^ c) * 16_777_619u);
        return hash;
    }

    /// <summary>Whether article pages send ETag and Last-Modified and answer conditional requests with 304.</summary>
    public bool SendsValidators => Style.SendsValidators;

    /// <summary>All articles of all categories, newest first (as published; edits keep their place).</summary>
    public IReadOnlyList<FixtureArticle> Articles => catalog.Truths;

    /// <summary>The heading a category's list page shows ("Berita Terkini", "Berita", "Sosialisasi", …).</summary>
    public string CategoryHeading(int category) => CategoryNames.Heading(category, Style);

    /// <summary>The absolute URL of list page <paramref name="page"/> as a crawler would build it.</summary>
    public Uri ListUri(int category, int page = 1) =>
        new(BaseUri, Invariant($"/index.php/blog/category/{category}") + (page > 1 ? Invariant($"?page={page}") : ""));

    /// <summary>
    /// Puts a new article at the top of <paramref name="category"/> (the first category by default),
    /// dated in the site's usual form, or with no date in its text when <paramref name="undated"/>; returns its truth.
    /// </summary>
    public FixtureArticle Publish(string title, string bodyText, DateTimeOffset published, int? category = null, bool undated = false)
    {
        lock (gate)
        {
            var article = newsroom.Publish(title, bodyText, published, category ?? Categories[0], clock.GetUtcNow(), undated);
            catalog = catalog.With(article, replacing: null);
            return article.Truth;
        }
    }

    /// <summary>
    /// A real edit: the body becomes <paramref name="newBodyText"/> (its dated lead kept), the version
    /// goes up, and the ETag and Last-Modified change. Returns the new truth.
    /// </summary>
    public FixtureArticle Edit(FixtureArticle article, string newBodyText)
    {
        lock (gate)
        {
            var stored = catalog.Find(article.NumericId, article.Slug)
                ?? throw new ArgumentException($"Article '{article.Path}' is not on site {Id}.", nameof(article));
            var edited = stored with
            {
                Truth = stored.Truth with
                {
                    BodyText = StoredArticle.Compose(stored.LeadTemplate, newBodyText),
                    Version = stored.Truth.Version + 1,
                },
                LastModified = clock.GetUtcNow(),
            };
            catalog = catalog.With(edited, replacing: stored);
            return edited.Truth;
        }
    }

    public override string ToString() => $"{Id} {BaseUri}";
}
