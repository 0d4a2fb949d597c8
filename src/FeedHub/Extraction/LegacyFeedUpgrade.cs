using System.Xml.Linq;

namespace FeedHub.Extraction;

/// <summary>
/// Rewrites old dialects into the ones Syndication reads: Atom 0.3 into Atom 1.0 (renamed elements,
/// <c>mode</c>/MIME content types into <c>type</c>), and namespaced RSS (<c>xmlns="http://backend.userland.com/rss2"</c>) into plain RSS.
/// </summary>
internal static class LegacyFeedUpgrade
{
    private static readonly Dictionary<string, string> AtomRenames = new(StringComparer.Ordinal)
    {
        ["issued"] = "published",
        ["modified"] = "updated",
        ["tagline"] = "subtitle",
        ["copyright"] = "rights",
        ["url"] = "uri",
    };

    private static readonly HashSet<string> TextConstructs = new(StringComparer.Ordinal) { "title", "subtitle", "summary", "rights", "content" };

    /// <summary>Atom 0.3 (and its pre-release namespaces, "necho"/"pie"/"echo") as Atom 1.0.</summary>
    public static void AtomToVersion1(XDocument document)
    {
        var legacy = document.Root!.Name.Namespace;
        RemoveDeclarationsOf(document, legacy);
        foreach (var element in document.Descendants().Where(e => e.Name.Namespace == legacy).ToList())
        {
            element.Name = FeedXml.Atom + AtomRenames.GetValueOrDefault(element.Name.LocalName, element.Name.LocalName);
            if (TextConstructs.Contains(element.Name.LocalName)) SetTextType(element);
        }
        foreach (var dropped in document.Descendants().Where(e => e.Name == FeedXml.Atom + "info" || e.Name == FeedXml.Atom + "created").ToList())
            dropped.Remove();
        document.Root?.Attribute("version")?.Remove();
    }

    /// <summary>
    /// Atom 1.0 text constructs with a MIME type Syndication refuses (base64 <c>application/octet-stream</c>)
    /// read as plain text instead of losing the whole feed.
    /// </summary>
    public static void AtomTextTypes(XDocument document)
    {
        var names = new[] { "title", "subtitle", "summary", "rights" }.Select(n => FeedXml.Atom + n).ToHashSet();
        foreach (var element in document.Descendants().Where(e => names.Contains(e.Name)))
        {
            if ((string?)element.Attribute("type") is { } type && type is not ("text" or "html" or "xhtml"))
                element.SetAttributeValue("type", "text");
        }
    }

    /// <summary>
    /// RSS 0.9x as RSS 2.0 (a superset Syndication reads, but it refuses other version numbers), with
    /// elements in a default namespace (<c>http://backend.userland.com/rss2</c>) moved to none.
    /// </summary>
    public static void RssAsVersion2(XDocument document)
    {
        var root = document.Root!;
        var ns = root.Name.Namespace;
        if (ns != XNamespace.None)
        {
            RemoveDeclarationsOf(document, ns);
            foreach (var element in document.Descendants().Where(e => e.Name.Namespace == ns)) element.Name = element.Name.LocalName;
        }
        root.SetAttributeValue("version", "2.0");
    }

    private static void RemoveDeclarationsOf(XDocument document, XNamespace ns) =>
        document.Descendants().Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == ns.NamespaceName).Remove();

    /// <summary>Atom 0.3 says <c>type="text/html" mode="escaped"</c>; Atom 1.0 says <c>type="html"</c>.</summary>
    private static void SetTextType(XElement element)
    {
        var mode = (string?)element.Attribute("mode") ?? "xml";
        var mime = (string?)element.Attribute("type") ?? "text/plain";
        element.Attribute("mode")?.Remove();
        if (mode == "base64")
        {
            element.Value = "";
            element.SetAttributeValue("type", "text");
            return;
        }
        var type = mime switch
        {
            "text/html" or "html" => mode == "escaped" ? "html" : "xhtml",
            "application/xhtml+xml" or "xhtml" => mode == "escaped" ? "html" : "xhtml",
            _ => mode == "escaped" && mime.Contains("html") ? "html" : "text",
        };
        if (type == "xhtml" && !(element.Elements().Count() == 1 && element.Elements().Single().Name.LocalName == "div" && !element.Nodes().OfType<XText>().Any(t => t.Value.Trim().Length > 0)))
        {
            var div = new XElement(XName.Get("div", "http://www.w3.org/1999/xhtml"), element.Nodes());
            element.RemoveNodes();
            element.Add(div);
        }
        element.SetAttributeValue("type", type);
    }
}
