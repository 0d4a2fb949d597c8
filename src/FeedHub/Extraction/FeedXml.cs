using System.Xml;
using System.Xml.Linq;
using FeedHub.Normalisation;

namespace FeedHub.Extraction;

/// <summary>
/// Loads feed XML safely: DTDs are skipped and never resolved, so entity bombs ("billion laughs")
/// and external entities (XXE) fail as undeclared entities instead of expanding or reading files.
/// Characters XML 1.0 forbids (stray control characters pasted into a title) are dropped before parsing,
/// as feed readers do, rather than losing the whole feed to one of them.
/// </summary>
internal static class FeedXml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace LegacyAtom = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 64 * 1024 * 1024,
        IgnoreProcessingInstructions = true,
    };

    public static XDocument Load(string text, Uri url)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(XmlChars.Clean(text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n'))), Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"{url}: not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", e);
        }
    }

    /// <summary>
    /// A reader over the (possibly upgraded) document for Syndication, which rejects the whitespace
    /// text nodes an XDocument reader reports, so the document is re-read as text.
    /// </summary>
    public static XmlReader ReaderFor(XDocument document) =>
        XmlReader.Create(new StringReader(document.ToString(SaveOptions.DisableFormatting)), Settings);

    /// <summary>The trimmed value of the first child named <paramref name="name"/>, or null when absent or blank.</summary>
    public static string? Text(XElement parent, XName name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>Where an element sits in the document, for error messages.</summary>
    public static string Position(XObject node) =>
        node is IXmlLineInfo { } info && info.HasLineInfo() ? $"line {info.LineNumber}, position {info.LinePosition}" : "unknown position";
}
