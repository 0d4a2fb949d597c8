using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>
/// Builds a page with every text and attribute value HTML-encoded, so a hostile title from a site
/// cannot inject markup. Tag and attribute names come from code only.
/// </summary>
internal sealed class HtmlWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder html = new();

    /// <summary>Markup written by FeedHub itself (a constant), never data.</summary>
    public HtmlWriter Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        if (text is not null) html.Append(Encoder.Encode(text));
        return this;
    }

    /// <summary>An opening tag; attributes whose value is null are left out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
        }
        html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link when <paramref name="href"/> is safe to follow (see <see cref="SafeHref"/>), plain text otherwise.</summary>
    public HtmlWriter Link(string? href, string? text, params (string Name, string? Value)[] attributes) =>
        SafeHref(href) is { } safe
            ? Open("a", [("href", safe), .. attributes]).Text(text).Close("a")
            : Text(text);

    /// <summary>Root-relative paths and absolute http(s) URLs; anything else (javascript:, data:) is refused.</summary>
    public static string? SafeHref(string? href)
    {
        if (string.IsNullOrEmpty(href)) return null;
        if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)) return href;
        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
    }

    public override string ToString() => html.ToString();
}
