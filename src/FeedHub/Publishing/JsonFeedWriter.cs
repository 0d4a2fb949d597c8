using FeedHub.Extraction;
using FeedHub.Normalisation;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FeedHub.Publishing;

/// <summary>
/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with System.Text.Json: dates in RFC 3339 with
/// the source's offset, <c>next_url</c> for paging, members always in the same order. JSON Feed
/// has no archive links, so RFC 5005's archive marker and links go in an <c>_rfc5005</c>
/// extension object (<c>archive</c>, <c>current</c>, <c>prev-archive</c>, <c>next-archive</c>).
/// </summary>
public sealed class JsonFeedWriter : IFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    /// <summary>The extension object's name; JSON Feed extensions start with an underscore and say what they are <c>about</c>.</summary>
    public const string ArchiveExtension = "_rfc5005";

    /// <summary>FeedHub's own item extension, set only on an item whose date the site did not print.</summary>
    public const string FeedHubExtension = "_feedhub";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Served as application/feed+json, never inlined into HTML: keep Indonesian text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public FeedFormat Format => FeedFormat.Json;

    public byte[] Write(FeedPage page)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", Clean(page.Title));
            json.WriteString("home_page_url", page.Alternate.AbsoluteUri);
            json.WriteString("feed_url", page.Self.AbsoluteUri);
            json.WriteString("description", Clean(page.Description));
            if (page.Next is not null)
                json.WriteString("next_url", page.Next.AbsoluteUri);
            json.WriteString("language", Generator.Language);
            WriteArchiveLinks(json, page);
            json.WriteStartArray("items");
            foreach (var entry in page.Entries)
                WriteItem(json, entry);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteArchiveLinks(Utf8JsonWriter json, FeedPage page)
    {
        if (page.Current is null && page.PrevArchive is null && page.NextArchive is null)
            return;
        json.WriteStartObject(ArchiveExtension);
        json.WriteString("about", "https://www.rfc-editor.org/rfc/rfc5005");
        json.WriteBoolean("archive", page.IsArchive);
        foreach (var (relation, target) in new[] { ("current", page.Current), ("prev-archive", page.PrevArchive), ("next-archive", page.NextArchive) })
        {
            if (target is not null)
                json.WriteString(relation, target.AbsoluteUri);
        }
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry)
    {
        var item = entry.Item;
        json.WriteStartObject();
        json.WriteString("id", TagUri.ForItem(item.Id));
        json.WriteString("url", item.Link);
        json.WriteString("title", Clean(item.Title));
        json.WriteString("content_html", Clean(item.ContentHtml));
        json.WriteString("summary", Clean(item.Summary));
        if (item.ImageUrl is not null)
            json.WriteString("image", item.ImageUrl);
        json.WriteString("date_published", Rfc3339(item.Published));
        json.WriteString("date_modified", Rfc3339(entry.Updated));
        if (!string.IsNullOrWhiteSpace(item.Author))
        {
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", Clean(item.Author));
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartArray("tags");
        foreach (var tag in SyndicationFeedWriter.Categories(entry))
            json.WriteStringValue(tag);
        json.WriteEndArray();
        if (item.DateSource.IsEstimated())
        {
            json.WriteStartObject(FeedHubExtension);
            json.WriteString("date_source", item.DateSource.FeedName());
            json.WriteBoolean("date_estimated", true);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The same character cleaning as XML, so every format shows the same text.</summary>
    private static string Clean(string text) => XmlChars.Clean(text);
}
