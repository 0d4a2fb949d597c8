using System.Globalization;

namespace FeedHub.Fixtures;

/// <summary>
/// Writes one site's articles in its house style: the initial back catalogue and anything a test
/// publishes later. Not thread-safe; <see cref="FixtureSite"/> serialises calls.
/// </summary>
internal sealed class Newsroom(SiteRoster.Identity site, SiteStyle style, PostingHabits posting, Uri baseUri, Random rng)
{
    internal static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private readonly NewsWriter writer = new(site, rng);
    private readonly HashSet<string> slugs = new(StringComparer.OrdinalIgnoreCase);
    private int nextId;

    /// <summary>
    /// <paramref name="perCategory"/> articles per category over the ~60 days before <paramref name="now"/>,
    /// newest first; gaps of at most three days (1.8 on average) keep page 1 within a month, gaps of 5–15 days
    /// on a sparse poster stretch it to about three months. A migrated archive's oldest quarter are 2019–2020 imports.
    /// </summary>
    public List<StoredArticle> BackCatalogue(IReadOnlyList<int> categories, int perCategory, DateTimeOffset now)
    {
        var drafts = new List<Draft>();
        foreach (var category in categories)
        {
            var day = WibDate(now).AddDays(-rng.Next(0, 2));
            for (var i = 0; i < perCategory; i++)
            {
                var duplicate = style.DuplicateStory && i == 5 ? drafts[^1] : null;
                if (i > 0 && duplicate is null) day = day.AddDays(-posting.Gap(rng.Next(0, 5)));
                var imported = i - (perCategory - posting.MigratedTail(perCategory));
                drafts.Add(imported >= 0
                    ? NewDraft(category, PostingHabits.MigratedDay(imported), now, null, DateForm.WordPressMeta)
                    : NewDraft(category, duplicate?.Day ?? day, now, duplicate));
            }
        }
        nextId = rng.Next(1000, 9000);
        var oldestFirst = drafts.OrderBy(d => d.Published).ToList();
        var ids = oldestFirst.ToDictionary(d => d, d =>
            style.SlugOnlyBeyondDays is { } days && (now - d.Published).TotalDays > days ? (int?)null : NextId());
        var hiddenTitle = style.EmptyTitleEntry && drafts.Count > 0 ? drafts[Math.Min(3, drafts.Count - 1)] : null;
        var beritaBaca = style.BeritaBacaLink ? drafts.Skip(2).FirstOrDefault(d => ids[d] is not null) : null;
        return drafts
            .OrderByDescending(d => d.Published)
            .Select(d => Store(d, ids[d], d == hiddenTitle, d == beritaBaca, d.Published))
            .ToList();
    }

    /// <summary>A new article in the site's usual date form (or with none in its text), as an operator would post it.</summary>
    public StoredArticle Publish(string title, string bodyText, DateTimeOffset published, int category, DateTimeOffset now, bool undated)
    {
        if (slugs.Contains(Slug.From(title)))
            throw new ArgumentException($"Site {site.Id} already has an article with the slug of '{title}'.", nameof(title));
        var date = WibDate(published);
        var form = undated ? DateForm.None
            : style.UsualDateForm == DateForm.NoYear && date.Year != WibDate(now).Year ? DateForm.Indonesian : style.UsualDateForm;
        var draft = new Draft(category, date, published, title, StoredArticle.Paragraphs(bodyText), form,
            DatedLead.Template(form, date, site.Place, style.WordPressAuthor, style.Spelling, rng), []);
        return Store(draft, NextId(), hidesListTitle: false, beritaBaca: false, lastModified: now);
    }

    private int NextId() => nextId += rng.Next(1, 5);

    private sealed record Draft(int Category, DateOnly Day, DateTimeOffset Published, string Title,
        IReadOnlyList<string> Paragraphs, DateForm Form, string LeadTemplate, IReadOnlyList<string> Hashtags);

    private Draft NewDraft(int category, DateOnly day, DateTimeOffset now, Draft? duplicateOf, DateForm? form = null)
    {
        var (title, topic) = UniqueHeadline();
        var published = PublishedOn(day, now);
        if (duplicateOf is not null)
            return duplicateOf with { Title = title, Published = published };
        form ??= DrawForm(day, now);
        var hashtags = style.Hashtags ? Enumerable.Range(0, rng.Next(1, 3)).Select(_ => writer.Hashtag()).Distinct().ToArray() : [];
        return new Draft(category, day, published, title, writer.Paragraphs(topic, style.Credit(site, rng)), form.Value,
            DatedLead.Template(form.Value, day, site.Place, style.WordPressAuthor, style.Spelling, rng), hashtags);
    }

    private (string Title, string Topic) UniqueHeadline()
    {
        for (var attempt = 0; ; attempt++)
        {
            var (title, topic) = writer.Headline();
            if (attempt > 5) title += $" Tahap {attempt.ToString(CultureInfo.InvariantCulture)}";
            if (rng.Chance(style.CapsTitles)) title = title.ToUpperInvariant();
            if (slugs.Add(Slug.From(title))) return (title, topic);
        }
    }

    private DateForm DrawForm(DateOnly day, DateTimeOffset now)
    {
        var roll = rng.NextDouble();
        var form = roll switch
        {
            < 0.03 => DateForm.YearTypo,
            < 0.08 => DateForm.None,
            < 0.30 => style.OtherDateForm,
            _ => style.UsualDateForm,
        };
        return form == DateForm.NoYear && day.Year != WibDate(now).Year ? DateForm.Indonesian : form;
    }

    /// <summary>An office-hours time on <paramref name="day"/>, always before <paramref name="now"/>.</summary>
    private DateTimeOffset PublishedOn(DateOnly day, DateTimeOffset now)
    {
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib);
        var at = midnight.AddMinutes(rng.Next(7 * 60, 17 * 60));
        return at < now ? at : midnight.AddMinutes(Math.Floor((now - midnight).TotalMinutes / 2));
    }

    private StoredArticle Store(Draft draft, int? id, bool hidesListTitle, bool beritaBaca, DateTimeOffset lastModified)
    {
        var slug = Slug.From(draft.Title);
        slugs.Add(slug);
        var path = (id, beritaBaca) switch
        {
            ({ } n, true) => $"/berita/baca/{n.ToString(CultureInfo.InvariantCulture)}/{slug}",
            ({ } n, false) => $"/blog/read/{n.ToString(CultureInfo.InvariantCulture)}_{slug}",
            _ => $"/blog/read/{slug}",
        };
        if (!beritaBaca && rng.Chance(style.IndexPhpLinks)) path = "/index.php" + path;
        var image = rng.Chance(0.85)
            ? $"/images/blog_post/{draft.Published.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}{rng.Next(0x100000, 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture)}.jpg"
            : null;
        var (expected, source) = Expectation(draft.Form, draft.Published);
        var category = style.ShowsCategoryLabel && rng.Chance(0.8) ? CategoryNames.Heading(draft.Category, style) : null;
        return new StoredArticle
        {
            Truth = new FixtureArticle
            {
                NumericId = id,
                Slug = slug,
                Path = path,
                Title = draft.Title,
                Published = draft.Published,
                ExpectedPublished = expected,
                ExpectedDateSource = source,
                DateForm = draft.Form,
                ImageUrl = image is null ? null : new Uri(baseUri, image).AbsoluteUri,
                Category = category,
                CategoryId = draft.Category,
                BodyText = StoredArticle.Compose(draft.LeadTemplate, string.Join("\n\n", draft.Paragraphs)),
                Hashtags = draft.Hashtags,
            },
            LeadTemplate = draft.LeadTemplate,
            RepeatsTitle = rng.Chance(style.RepeatsTitle),
            LazyImage = style.LazyImages && rng.Chance(0.8),
            ImagePath = image,
            HidesListTitle = hidesListTitle,
            Views = new ViewCounter(rng.Next(5, 400)),
            LastModified = lastModified,
        };
    }

    /// <summary>
    /// What an extractor should conclude on a first crawl: meta wins, a missing date is estimated from list order, a year typo
    /// is mended. An imported post shows only its WordPress meta line, so its day is all there is.
    /// </summary>
    private (DateTimeOffset?, string) Expectation(DateForm form, DateTimeOffset published)
    {
        if (form is DateForm.WordPressMeta) return (Noon(published), "BodyText");
        if (style.Meta != MetaStyle.None)
            return (new DateTimeOffset(published.Ticks - published.Ticks % TimeSpan.TicksPerSecond, published.Offset).ToOffset(Wib), "Meta");
        if (form is DateForm.None) return (null, "ListOrder");
        return (Noon(published), "BodyText");
    }

    /// <summary>Where FeedHub puts a date shown without a time: noon WIB of its day.</summary>
    private static DateTimeOffset Noon(DateTimeOffset published) => new(WibDate(published).ToDateTime(new TimeOnly(12, 0)), Wib);

    internal static DateOnly WibDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Wib).DateTime);
}
