using FeedHub.Normalisation;
using System.Globalization;
using System.Text;
using System.Xml;
using FeedHub.Sources;

namespace FeedHub.Publishing;

/// <summary>
/// OPML 2.0 subscription list: the combined feed first, then one folder outline per region
/// (alphabetical) holding one <c>type="rss"</c> outline per source (by name), so a reader
/// subscribes to every site in one import.
/// </summary>
/// <param name="format">Which feed the <c>xmlUrl</c>s point to: Atom or RSS (OPML readers expect XML feeds).</param>
public sealed class OpmlWriter(PublicUrls urls, FeedFormat format = FeedFormat.Atom)
{
    private readonly FeedFormat _format = format == FeedFormat.Json
        ? throw new ArgumentException("OPML lists XML feeds: use Atom or RSS.", nameof(format))
        : format;

    /// <param name="created">The list's <c>dateCreated</c>; pass the store's last change so equal input gives equal bytes.</param>
    public byte[] Write(IReadOnlyList<Source> sources, DateTimeOffset created)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", $"Semua situs KPU — {Generator.Name}");
            xml.WriteElementString("dateCreated", Rfc822(created));
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            WriteFeed(xml, FeedPage.ScopeTitle(FeedScope.All, null), FeedScope.All, urls.Base);
            foreach (var region in sources.GroupBy(s => s.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var name = XmlChars.Clean(FeedPage.RegionName(region.Key));
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("text", name);
                xml.WriteAttributeString("title", name);
                foreach (var source in region.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal))
                    WriteFeed(xml, XmlChars.Clean(source.Name), FeedScope.Source(source.Id), source.Url);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private void WriteFeed(XmlWriter xml, string name, FeedScope scope, Uri site)
    {
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("type", "rss");
        xml.WriteAttributeString("text", name);
        xml.WriteAttributeString("title", name);
        xml.WriteAttributeString("xmlUrl", urls.Feed(scope, _format).AbsoluteUri);
        xml.WriteAttributeString("htmlUrl", site.AbsoluteUri);
        xml.WriteEndElement();
    }

    /// <summary>RFC 822 with a 4-digit year and numeric offset, as OPML 2.0 asks.</summary>
    private static string Rfc822(DateTimeOffset time) =>
        time.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
        + time.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
}
