using System.Security.Cryptography;
using System.Text;

namespace FeedHub.Fixtures;

/// <summary>Counts page views; shared by every version of an article so the counter keeps rising across edits.</summary>
internal sealed class ViewCounter(int start)
{
    private int views = start;

    /// <summary>The count shown by this request: every request sees a new number, as on the live sites.</summary>
    public int Next() => Interlocked.Increment(ref views);
}

/// <summary>An article with how its site presents it: the truth plus the rendering choices drawn for it.</summary>
internal sealed record StoredArticle
{
    public required FixtureArticle Truth { get; init; }
    /// <summary>The lead with <see cref="DatedLead.Body"/> where the first paragraph goes; kept across edits.</summary>
    public required string LeadTemplate { get; init; }
    public required bool RepeatsTitle { get; init; }
    public required bool LazyImage { get; init; }
    /// <summary>The featured image's site-relative path, or null.</summary>
    public required string? ImagePath { get; init; }
    /// <summary>The list shows this entry with an empty heading (kab-pemalang 104/8).</summary>
    public required bool HidesListTitle { get; init; }
    public required ViewCounter Views { get; init; }
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Strong validator from the stable content only, so counters and tokens never change it.</summary>
    public string ETag
    {
        get
        {
            var content = $"{Truth.Slug}\n{Truth.Version}\n{Truth.Title}\n{Truth.BodyText}";
            return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..20] + "\"";
        }
    }

    /// <summary>The body as typed: the lead template wrapped around the first paragraph of <paramref name="bodyText"/>.</summary>
    public static string Compose(string leadTemplate, string bodyText)
    {
        var paragraphs = Paragraphs(bodyText);
        var first = paragraphs.Count > 0 ? paragraphs[0] : "";
        var lead = leadTemplate.Replace(DatedLead.Body, first, StringComparison.Ordinal).Trim();
        return string.Join("\n\n", Paragraphs(lead).Concat(paragraphs.Skip(1)));
    }

    /// <summary>Paragraphs of a plain-text body, split on blank lines.</summary>
    public static List<string> Paragraphs(string text) => text
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToList();
}

/// <summary>One consistent snapshot of a site's articles, swapped whole on every change so readers never lock.</summary>
internal sealed class Catalog
{
    public Catalog(IReadOnlyList<StoredArticle> newestFirst)
    {
        Stored = newestFirst;
        Truths = newestFirst.Select(a => a.Truth).ToArray();
        foreach (var article in newestFirst)
        {
            if (article.Truth.NumericId is { } id) byId[id] = article;
            bySlug[article.Truth.Slug] = article;
        }
    }

    private readonly Dictionary<int, StoredArticle> byId = [];
    private readonly Dictionary<string, StoredArticle> bySlug = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<StoredArticle> Stored { get; }
    public IReadOnlyList<FixtureArticle> Truths { get; }

    public IReadOnlyList<StoredArticle> InCategory(int category) => Stored.Where(a => a.Truth.CategoryId == category).ToArray();

    /// <summary>The article a URL names: by id when it has one (as the CMS does), else by slug.</summary>
    public StoredArticle? Find(int? id, string slug) =>
        id is { } known ? byId.GetValueOrDefault(known) : bySlug.GetValueOrDefault(slug);

    public Catalog With(StoredArticle article, StoredArticle? replacing)
    {
        var list = Stored.ToList();
        if (replacing is null) list.Insert(0, article);
        else list[list.IndexOf(replacing)] = article;
        return new Catalog(list);
    }
}
