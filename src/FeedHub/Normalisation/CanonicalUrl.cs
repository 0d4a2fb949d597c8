using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHub.Normalisation;

/// <summary>
/// One spelling per page, so the same article linked as <c>/index.php/blog/read/x/?utm_source=y#top</c>
/// and <c>https://HOST/blog/read/x</c> is stored once and keeps one link.
/// </summary>
/// <remarks>
/// Article and list pages are recognised by the KPU CMS path shapes (<c>/blog/read/</c>,
/// <c>/berita/baca/</c>, <c>/blog/category/&lt;id&gt;</c>); any other URL only loses tracking parameters.
/// </remarks>
public static partial class CanonicalUrl
{
    /// <summary>
    /// The canonical form of <paramref name="url"/> (absolute or relative to <paramref name="sourceUrl"/>):
    /// the source's scheme on the source's own host (https for the real sites, http for loopback fixtures), lowercase host,
    /// no default port, no fragment, no <c>/index.php</c>; articles without query or trailing slash;
    /// list pages with only <c>page</c> (above 1); elsewhere without utm_*, fbclid and gclid.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is not an http(s) URL.</exception>
    public static Uri Of(Uri url, Uri sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(sourceUrl);
        var absolute = url.IsAbsoluteUri ? url : new Uri(sourceUrl, url);
        if (!IsWeb(absolute))
            throw new ArgumentException($"Not an http(s) URL: '{absolute.OriginalString}'.", nameof(url));

        var builder = new UriBuilder(absolute)
        {
            // A site's own links take its scheme (KPU pages still link http://); other hosts keep theirs.
            Scheme = IsWeb(sourceUrl) && string.Equals(absolute.Host, sourceUrl.Host, StringComparison.OrdinalIgnoreCase)
                ? sourceUrl.Scheme : absolute.Scheme,
            Host = absolute.Host.ToLowerInvariant(),
            Port = absolute.IsDefaultPort ? -1 : absolute.Port,
            Fragment = "",
        };
        var path = WithoutIndexPhp(absolute.AbsolutePath);
        if (ArticlePath().IsMatch(path))
        {
            builder.Path = path.Length > 1 ? path.TrimEnd('/') : path;
            builder.Query = "";
        }
        else if (ListPath().Match(path) is { Success: true } list)
        {
            builder.Path = list.Value;
            builder.Query = ListQuery(absolute.Query);
        }
        else
        {
            builder.Path = path;
            builder.Query = WithoutTracking(absolute.Query);
        }
        return builder.Uri;
    }

    /// <summary>Only http and https URLs are pages FeedHub reads.</summary>
    private static bool IsWeb(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string WithoutIndexPhp(string path) =>
        path.Equals("/index.php", StringComparison.OrdinalIgnoreCase) ? "/"
        : path.StartsWith("/index.php/", StringComparison.OrdinalIgnoreCase) ? path["/index.php".Length..]
        : path;

    private static string ListQuery(string query)
    {
        foreach (var (name, value) in Parameters(query))
        {
            if (name == "page" && int.TryParse(value, NumberStyles.None,
                    CultureInfo.InvariantCulture, out var page) && page > 1)
                return "page=" + page.ToString(CultureInfo.InvariantCulture);
        }
        return "";
    }

    private static string WithoutTracking(string query)
    {
        var kept = new StringBuilder();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('=', 2)[0];
            if (IsTracking(name))
                continue;
            if (kept.Length > 0)
                kept.Append('&');
            kept.Append(part);
        }
        return kept.ToString();
    }

    /// <summary>Query parameters that only say where a click came from.</summary>
    internal static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("fbclid", StringComparison.OrdinalIgnoreCase)
        || name.Equals("gclid", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(string Name, string Value)> Parameters(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""));

    [GeneratedRegex(@"^/(?:blog/read|berita/baca)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticlePath();

    /// <summary>The list path up to its category id: junk after it (lenient routing) is dropped.</summary>
    [GeneratedRegex(@"^/blog/category/[0-9]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();
}
