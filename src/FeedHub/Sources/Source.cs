namespace FeedHub.Sources;

public enum SourceKind
{
    /// <summary>An HTML site scraped through list and article pages with a profile.</summary>
    Html,
    /// <summary>An existing RSS 2.0 / RSS 1.0 / Atom / JSON Feed document.</summary>
    Feed,
}

/// <summary>One configured site or feed, with its profile already resolved.</summary>
public sealed record Source
{
    /// <summary>Host label, e.g. <c>kab-blora</c>; unique; used in item ids and feed paths.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Slug of the region, e.g. <c>jawa-tengah</c>.</summary>
    public required string Region { get; init; }
    /// <summary>Site root (HTML sources) or the feed document's URL (feed sources).</summary>
    public required Uri Url { get; init; }
    public SourceKind Kind { get; init; } = SourceKind.Html;
    public required Profile Profile { get; init; }
    public IReadOnlyList<int> Categories { get; init; } = [104];
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>IANA zone of the site's dates; WIB (Asia/Jakarta) by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = Sources.TimeZones.Wib;
    /// <summary>Profile selectors with this source's overrides applied.</summary>
    public Selectors Selectors => Overrides.Over(Profile.Selectors);
    public Selectors Overrides { get; init; } = Selectors.None;

    /// <summary>The absolute URL of list page <paramref name="page"/> (1-based) of a category.</summary>
    public Uri ListPage(int category, int page)
    {
        var path = Profile.ListPath.Replace("{category}", category.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var query = page > 1 ? $"?page={page}" : "";
        return new Uri(Url, path + query);
    }
}
