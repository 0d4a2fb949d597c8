namespace FeedHub.Publishing;

/// <summary>
/// One feed autodiscovery link: <c>&lt;link rel="alternate" type="…" title="…" href="…"&gt;</c>.
/// The values are raw text: the HTML page that writes them escapes them.
/// </summary>
public sealed record AlternateLink(string Type, string Title, Uri Href)
{
    public const string Rel = "alternate";
}

/// <summary>The autodiscovery links an HTML page offers for a feed scope, so readers find its feeds from the page URL.</summary>
public static class AlternateLinks
{
    /// <summary>The Atom, RSS and JSON Feed forms of <paramref name="scope"/>, Atom first (the reader's default pick).</summary>
    public static IReadOnlyList<AlternateLink> For(FeedScope scope, PublishedSources sources, PublicUrls urls)
    {
        var title = FeedPage.ScopeTitle(scope, scope.Kind == FeedScopeKind.Source ? sources.Find(scope.Key)?.Name : null);
        return
        [
            new(FeedFormat.Atom.MediaType(), $"{title} (Atom)", urls.Feed(scope, FeedFormat.Atom)),
            new(FeedFormat.Rss.MediaType(), $"{title} (RSS)", urls.Feed(scope, FeedFormat.Rss)),
            new(FeedFormat.Json.MediaType(), $"{title} (JSON Feed)", urls.Feed(scope, FeedFormat.Json)),
        ];
    }
}
