namespace FeedHub.Fixtures;

/// <summary>Where a site's articles carry machine-readable dates (docs/kpu-sites.md §5: never seen live, so a minority).</summary>
internal enum MetaStyle { None, OpenGraph, TimeElement }

/// <summary>How a site's pagination hrefs look; crawlers must not follow them, and some are junk (§9b).</summary>
internal enum PaginationHrefs { Absolute, JunkSuffix, QueryOnly }

/// <summary>
/// A site's house style, drawn once from the seed: the habits of its template and its operators.
/// Real sites with observed habits (docs/kpu-sites.md §3–§5) keep them.
/// </summary>
internal sealed record SiteStyle
{
    public required MarkupVariant Markup { get; init; }
    public required ListVariant List { get; init; }
    public required int PageSize { get; init; }
    public required RobotsMode Robots { get; init; }
    /// <summary>Heading of category 104 ("Berita Terkini", "Berita", "Berita KPU Kab Klaten").</summary>
    public required string NewsHeading { get; init; }
    public required MetaStyle Meta { get; init; }
    public required bool SendsValidators { get; init; }
    public required DateForm UsualDateForm { get; init; }
    public required DateForm OtherDateForm { get; init; }
    public required DateSpelling Spelling { get; init; }
    public required double RepeatsTitle { get; init; }
    public required bool LazyImages { get; init; }
    public required bool ShowsCategoryLabel { get; init; }
    public required bool ShareBlock { get; init; }
    public required bool ViewCountLine { get; init; }
    public required bool PostMetaDate { get; init; }
    public required string CreditFormat { get; init; }
    public required bool Hashtags { get; init; }
    /// <summary>Articles older than this many days keep slug-only URLs (the CMS added ids later); null: all have ids.</summary>
    public required int? SlugOnlyBeyondDays { get; init; }
    public required double IndexPhpLinks { get; init; }
    public required bool AbsoluteImageLinks { get; init; }
    public required PaginationHrefs Pagination { get; init; }
    public required bool BeritaBacaLink { get; init; }
    public required bool EmptyTitleEntry { get; init; }
    public required double CapsTitles { get; init; }
    public required bool DuplicateStory { get; init; }
    public required string WordPressAuthor { get; init; }

    /// <summary>The dated forms a site may use as its usual one; typos and missing dates are accidents.</summary>
    private static readonly DateForm[] UsualForms =
    [
        DateForm.NumericWithWeekday, DateForm.Numeric, DateForm.NoYear, DateForm.Indonesian,
        DateForm.IndonesianInParentheses, DateForm.DatelineHyphen, DateForm.DatelineEnDash,
        DateForm.DatelineBrackets, DateForm.English,
    ];

    private static readonly Dictionary<string, DateForm> ObservedForms = new()
    {
        ["kab-jepara"] = DateForm.NumericWithWeekday, ["kab-brebes"] = DateForm.Numeric,
        ["kota-semarang"] = DateForm.NoYear, ["kab-kudus"] = DateForm.NoYear, ["kab-wonogiri"] = DateForm.Indonesian,
        ["kab-blora"] = DateForm.IndonesianInParentheses, ["jateng"] = DateForm.DatelineHyphen,
        ["kab-batang"] = DateForm.DatelineHyphen, ["kab-wonosobo"] = DateForm.DatelineEnDash, ["kab-pati"] = DateForm.English,
    };

    private static readonly string[] Credits =
    [
        "(HumasKPU{0})", "By : {1}", "[{2}/foto:{1}]", "(***/RED)", "({3}/ed. Foto: {4}/{5})", "(Humas KPU {0})",
    ];

    public static SiteStyle Draw(SiteRoster.Identity site, int index, Random rng)
    {
        var usual = ObservedForms.TryGetValue(site.Id, out var observed)
            ? observed
            : UsualForms[(index + rng.Next(UsualForms.Length)) % UsualForms.Length];
        return new SiteStyle
        {
            Markup = rng.Pick([MarkupVariant.Polo, MarkupVariant.Polo, MarkupVariant.OtherClasses, MarkupVariant.NoClasses, MarkupVariant.Plain]),
            List = site.Id switch
            {
                "kab-blora" or "kab-kendal" or "kota-salatiga" => ListVariant.Mixed,
                "kota-surakarta" => ListVariant.A,
                _ => rng.Pick([ListVariant.A, ListVariant.A, ListVariant.B, ListVariant.B, ListVariant.Mixed]),
            },
            PageSize = rng.Next(5, 11),
            Robots = rng.Pick([RobotsMode.NotFound, RobotsMode.NotFound, RobotsMode.NotFound, RobotsMode.AllowAll, RobotsMode.DisallowSome]),
            NewsHeading = site.Id switch
            {
                "kab-kudus" or "kab-jepara" or "kab-rembang" => "Berita",
                "kab-klaten" => "Berita KPU Kab Klaten",
                _ => rng.Chance(0.85) ? "Berita Terkini" : "Berita",
            },
            Meta = rng.NextDouble() switch { < 0.2 => MetaStyle.OpenGraph, < 0.3 => MetaStyle.TimeElement, _ => MetaStyle.None },
            SendsValidators = rng.Chance(0.3),
            UsualDateForm = usual,
            OtherDateForm = rng.Pick(UsualForms.Where(f => f != DateForm.English).ToArray()),
            Spelling = new DateSpelling(rng.Chance(0.35), rng.Chance(0.25) ? rng.Pick(["Agt", "Agu", "Ags"]) : null, rng.Chance(0.4)),
            RepeatsTitle = rng.Pick([0.0, 0.3, 0.7, 0.9]),
            LazyImages = rng.Chance(0.25),
            ShowsCategoryLabel = rng.Chance(0.5),
            ShareBlock = rng.Chance(0.4),
            ViewCountLine = rng.Chance(0.3),
            PostMetaDate = rng.Chance(0.3),
            CreditFormat = rng.Pick(Credits),
            Hashtags = rng.Chance(0.4),
            SlugOnlyBeyondDays = rng.Chance(0.4) ? rng.Next(10, 50) : null,
            IndexPhpLinks = rng.Pick([0.0, 0.0, 0.1, 0.3]),
            AbsoluteImageLinks = rng.Chance(0.3),
            Pagination = rng.Pick([PaginationHrefs.Absolute, PaginationHrefs.JunkSuffix, PaginationHrefs.QueryOnly]),
            BeritaBacaLink = rng.Chance(0.08),
            EmptyTitleEntry = site.Id == "kab-pemalang" || rng.Chance(0.15),
            CapsTitles = rng.Pick([0.0, 0.0, 0.1, 0.25]),
            DuplicateStory = site.Id == "kab-rembang" || rng.Chance(0.1),
            WordPressAuthor = "kpu" + site.Id.Replace("-", "", StringComparison.Ordinal),
        };
    }

    /// <summary>The credit line closing a story, e.g. "(HumasKPUKendal)" or "[A/foto:FM]".</summary>
    public string Credit(SiteRoster.Identity site, Random rng) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture, CreditFormat,
        site.Place.Replace(" ", "", StringComparison.Ordinal), rng.Pick(["MM", "FM", "DN", "AR"]),
        rng.Pick(["A", "B", "RS"]), rng.Pick(["sof", "abc", "nrl"]), rng.Pick(["ybc", "hms", "dk"]),
        site.Name);
}
