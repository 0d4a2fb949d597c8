namespace FeedHub.Publishing;

/// <summary>
/// Absolute URLs under the configured public base (e.g. <c>http://127.0.0.1:5080</c>): feeds
/// never carry relative URLs, and a base with a path prefix (<c>https://host/feedhub/</c>) works too.
/// </summary>
public sealed class PublicUrls
{
    public PublicUrls(Uri baseUrl)
    {
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The public base URL '{baseUrl}' must be an absolute http(s) URL.", nameof(baseUrl));
        var text = baseUrl.GetLeftPart(UriPartial.Path);
        Base = new Uri(text.EndsWith('/') ? text : text + "/");
    }

    /// <summary>The URLs under a configured base such as <c>Web:PublicBaseUrl</c> or <c>--base-url</c>.</summary>
    /// <param name="setting">The setting <paramref name="text"/> came from, named in the error.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not an absolute http(s) URL.</exception>
    public static PublicUrls Parse(string text, string setting) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? new PublicUrls(url)
            : throw new ArgumentException($"{setting} '{text}' is not an absolute http(s) URL such as https://feeds.example.org/.", setting);

    /// <summary>The site root (the dashboard), with a trailing slash.</summary>
    public Uri Base { get; }

    /// <summary>The subscription list of every feed.</summary>
    public Uri Opml => Under(FeedPath.Opml);

    /// <summary>A feed's URL; <paramref name="queryString"/> is "" or a canonical <c>?…</c> from <see cref="FeedQuery.QueryString"/>.</summary>
    public Uri Feed(FeedScope scope, FeedFormat format, string queryString = "") =>
        Under(FeedPath.For(scope, format) + queryString);

    /// <summary>The URL of the very document a query asks for: live page (with its canonical query) or archive.</summary>
    public Uri Page(FeedQuery query) => Under(query.Path + query.QueryString());

    /// <summary>The URL of a feed's archive document for one month.</summary>
    public Uri Archive(FeedScope scope, FeedFormat format, ArchiveMonth month) =>
        Under(FeedPath.For(scope, format, month));

    private Uri Under(string rootedPath) => new(Base, rootedPath.TrimStart('/'));
}
