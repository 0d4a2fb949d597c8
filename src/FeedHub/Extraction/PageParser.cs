using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FeedHub.Extraction;

/// <summary>
/// Parses HTML with one AngleSharp parser per thread. A parser owns a browsing context, and CSS selectors
/// are parsed once per context and then cached: a fresh parser per page re-parsed every selector the
/// extractors use and built a new context, about a tenth of extraction time. Parsers are not documented as
/// thread-safe, hence one per thread.
/// </summary>
internal static class PageParser
{
    [ThreadStatic]
    private static HtmlParser? parser;

    public static IHtmlDocument Parse(string html) => (parser ??= new HtmlParser()).ParseDocument(html);
}
