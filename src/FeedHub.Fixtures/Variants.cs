namespace FeedHub.Fixtures;

/// <summary>Which HTML template a site renders, so extractors are tested on structure rather than class names.</summary>
public enum MarkupVariant
{
    /// <summary>The 2022 POLO theme class names (<c>.post-item</c>, <c>.post-meta-date</c>, <c>.item-link</c>, <c>.pagination</c>).</summary>
    Polo,
    /// <summary>The same structure with other class names (<c>.news-card</c>, <c>.entry-title</c>, …).</summary>
    OtherClasses,
    /// <summary>No class or id attribute anywhere on the page.</summary>
    NoClasses,
    /// <summary>
    /// Another template without any class or id: the headline is the page's only <c>&lt;h1&gt;</c>, followed by a
    /// date and view-count line; <c>&lt;title&gt;</c> puts the site's name before or after the headline.
    /// </summary>
    Plain,
}

/// <summary>How list entries look (docs/kpu-sites.md §4).</summary>
public enum ListVariant
{
    /// <summary>Title and body only.</summary>
    A,
    /// <summary>View counter before the title, "Selengkapnya" after the body.</summary>
    B,
    /// <summary>Both variants on the same page, entry by entry (as Blora, Kendal and Salatiga do).</summary>
    Mixed,
}

/// <summary>How a site behaves as a whole; lets tests stage outages and template changes.</summary>
public enum SiteMode
{
    Normal,
    /// <summary>Every page answers 500.</summary>
    ServerError,
    /// <summary>Headers and the start of the body are sent, then nothing until the client gives up.</summary>
    Hang,
    /// <summary>The connection is accepted but no response starts until the client gives up.</summary>
    Timeout,
    /// <summary>200 with a "website dalam pemeliharaan" page and no article links.</summary>
    Maintenance,
    /// <summary>200 with a new template whose article links are <c>/post/{slug}</c>; no <c>/blog/read/</c> links remain.</summary>
    Redesign,
    /// <summary>
    /// The site relaunched: a new template, and articles at <c>/berita/baca/{id}/{slug}</c> with the same ids
    /// (lists keep their paths). Old article URLs answer 301 to the new ones, or 404 when
    /// <see cref="FixtureSite.OldLinksRedirect"/> is off. The new article pages show no category.
    /// </summary>
    Relaunch,
}

/// <summary>What <c>/robots.txt</c> answers. It is answered this way in every <see cref="SiteMode"/>.</summary>
public enum RobotsMode
{
    /// <summary>404, which means allow-all.</summary>
    NotFound,
    AllowAll,
    /// <summary>Disallows paths that list crawling never needs (<c>/admin/</c>, <c>/storage/</c>, <c>/search</c>).</summary>
    DisallowSome,
    DisallowAll,
}

/// <summary>The §5 form in which an article's date is typed into its body.</summary>
public enum DateForm
{
    /// <summary>"Rabu (29/3/2023)".</summary>
    NumericWithWeekday,
    /// <summary>"(24/03/2024)".</summary>
    Numeric,
    /// <summary>"Kamis (2/10)" or "(2/10)": day and month only.</summary>
    NoYear,
    /// <summary>"Kamis, 15 Januari 2026" (also "Nopember", "Agt", "Jum'at" on some sites).</summary>
    Indonesian,
    /// <summary>"Senin, (2 Juni 2024)".</summary>
    IndonesianInParentheses,
    /// <summary>"Semarang, 6 Oktober 2025-".</summary>
    DatelineHyphen,
    /// <summary>"Wonosobo – 11 Desember 2025".</summary>
    DatelineEnDash,
    /// <summary>"Bondowoso, [8/12/2025] –".</summary>
    DatelineBrackets,
    /// <summary>"08 May 2020" or a migrated WordPress line "08 May 2020 | 0 Comments | By kpukabpati".</summary>
    English,
    /// <summary>
    /// A WordPress meta line as the only date of an imported 2019–2020 post: "08 May 2020 | 0 Comments | By admin",
    /// "Posted on May 8, 2020 by admin" or "08 Mei 2020 | 0 Komentar | Oleh admin".
    /// </summary>
    WordPressMeta,
    /// <summary>A wrong year ("5 April 2013" for 2023), implausible enough that first-seen is right.</summary>
    YearTypo,
    /// <summary>No date anywhere in the body.</summary>
    None,
}
