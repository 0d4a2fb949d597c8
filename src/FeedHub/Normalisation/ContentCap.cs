using System.Net;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;
using FeedHub.Extraction;

namespace FeedHub.Normalisation;

/// <summary>
/// Bounds the sanitised HTML stored per item: a page of megabytes would otherwise be stored, rendered and
/// cached whole in every feed. Cut between elements, so the HTML stays well formed, and closed with a
/// visible note linking to the original article.
/// </summary>
public static class ContentCap
{
    public const int DefaultMaxBytes = 200 * 1024;

    /// <summary>
    /// The attribute on the closing note of a cut item. Sanitised page HTML never keeps <c>data-</c>
    /// attributes, so only the note carries it; feeds and readers can tell a cut item by it.
    /// </summary>
    public const string TruncatedMarker = "data-feedhub-truncated";

    /// <summary>True when <paramref name="contentHtml"/> was cut by <see cref="Apply"/>.</summary>
    public static bool IsTruncated(string? contentHtml) =>
        contentHtml is not null && contentHtml.Contains(TruncatedMarker, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="html"/> when it fits in <paramref name="maxBytes"/> of UTF-8; otherwise its leading
    /// elements that fit (an element too large is entered and cut inside), then the note linking to <paramref name="link"/>.
    /// </summary>
    public static string Apply(string html, int maxBytes, string link)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (Encoding.UTF8.GetByteCount(html) <= maxBytes) return html;
        var note = Note(link);
        var body = PageParser.Parse("<!doctype html><html><body>" + html).Body!;
        Fit(body, Math.Max(0, maxBytes - Encoding.UTF8.GetByteCount(note)));
        return body.ChildNodes.ToHtml(HtmlFormatter.Instance).Trim() + note;
    }

    private static string Note(string link)
    {
        var href = WebUtility.HtmlEncode(link);
        return $"<p {TruncatedMarker}=\"\"><em>Artikel ini dipotong karena terlalu panjang untuk umpan. " +
               $"<a href=\"{href}\">Baca selengkapnya di situs aslinya</a>.</em></p>";
    }

    /// <summary>Keeps the leading children of <paramref name="parent"/> that fit in <paramref name="budget"/> bytes; returns the bytes kept.</summary>
    private static int Fit(INode parent, int budget)
    {
        var used = 0;
        var children = parent.ChildNodes.ToArray();
        for (var i = 0; i < children.Length; i++)
        {
            var size = Bytes(children[i].ToHtml(HtmlFormatter.Instance));
            if (used + size <= budget)
            {
                used += size;
                continue;
            }
            // The first child that does not fit is entered when its own tags fit, and kept if anything inside does.
            if (children[i] is IElement element && element.HasChildNodes)
            {
                var shell = size - Bytes(element.InnerHtml);
                var inner = used + shell < budget ? Fit(element, budget - used - shell) : 0;
                if (inner > 0) used += shell + inner;
                else parent.RemoveChild(element);
            }
            else parent.RemoveChild(children[i]);
            foreach (var rest in children.Skip(i + 1)) parent.RemoveChild(rest);
            break;
        }
        return used;
    }

    private static int Bytes(string html) => Encoding.UTF8.GetByteCount(html);
}
