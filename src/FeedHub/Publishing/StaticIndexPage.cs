using System.Net;
using System.Text;

namespace FeedHub.Publishing;

/// <summary>
/// The <c>index.html</c> of a static export: every exported feed with its Atom, RSS and JSON Feed
/// links and the OPML list, so the feeds' alternate link (the folder's root) leads to a real page.
/// Plain HTML without scripts or styles, in Indonesian like the dashboard it stands in for.
/// </summary>
public sealed class StaticIndexPage(PublicUrls urls)
{
    public const string Path = "/index.html";

    public byte[] Write(IReadOnlyList<FeedScope> scopes, PublishedSources sources)
    {
        var html = new StringBuilder();
        var title = Encode(FeedPage.ScopeTitle(FeedScope.All, null));
        html.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>")
            .Append("<link rel=\"alternate\" type=\"").Append(FeedFormat.Atom.MediaType()).Append("\" href=\"")
            .Append(Encode(urls.Feed(FeedScope.All, FeedFormat.Atom).AbsoluteUri)).Append("\"></head><body>")
            .Append("<h1>").Append(title).Append("</h1><p>Berlangganan lewat pembaca feed, atau impor semua sekaligus: <a href=\"")
            .Append(Encode(urls.Opml.AbsoluteUri)).Append("\">daftar OPML</a>.</p><ul>");
        foreach (var scope in scopes)
        {
            var source = scope.Kind == FeedScopeKind.Source ? sources.Find(scope.Key) : null;
            html.Append("<li>").Append(Encode(FeedPage.ScopeTitle(scope, source?.Name)));
            foreach (var format in Enum.GetValues<FeedFormat>())
                html.Append(" · <a href=\"").Append(Encode(urls.Feed(scope, format).AbsoluteUri)).Append("\">").Append(format.Label()).Append("</a>");
            if (source is not null)
                html.Append(" · <a href=\"").Append(Encode(source.Url.AbsoluteUri)).Append("\">situs</a>");
            html.Append("</li>");
        }
        html.Append("</ul></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
