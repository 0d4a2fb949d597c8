using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using FeedHub.Publishing;

namespace FeedHub.Tests.Web;

/// <summary>One entry as a feed document shows it, read back with Syndication or System.Text.Json.</summary>
public sealed record EntryView(string Id, string Title, string Link, DateTimeOffset Published);

/// <summary>One feed page read back: its entries and its RFC 5005 <c>next</c> link.</summary>
public sealed record PageView(IReadOnlyList<EntryView> Entries, Uri? Next);

/// <summary>Reads served feeds back the way a reader would, and walks their paging links.</summary>
public static class FeedsReader
{
    public static PageView Read(FeedFormat format, byte[] body) =>
        format == FeedFormat.Json ? ReadJson(body) : ReadXml(body);

    /// <summary>Every entry of a feed, following <c>next</c> from the first page to the last.</summary>
    public static async Task<IReadOnlyList<EntryView>> WalkAsync(FeedsServer server, string path)
    {
        var format = FeedFormats.FromExtension(path.Split('?')[0].Split('.')[^1])!.Value;
        var entries = new List<EntryView>();
        var next = new Uri(server.BaseAddress, path);
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 200, $"more than 200 pages from {path}: the next links loop");
            var page = Read(format, await server.GetBytesAsync(next.AbsoluteUri));
            entries.AddRange(page.Entries);
            next = page.Next;
        }
        return entries;
    }

    private static PageView ReadXml(byte[] body)
    {
        using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var feed = SyndicationFeed.Load(reader);
        var entries = feed.Items.Select(i => new EntryView(
            i.Id,
            i.Title.Text,
            i.Links.Single(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri,
            i.PublishDate)).ToList();
        return new PageView(entries, feed.Links.SingleOrDefault(l => l.RelationshipType == "next")?.Uri);
    }

    private static PageView ReadJson(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var entries = root.GetProperty("items").EnumerateArray().Select(i => new EntryView(
            i.GetProperty("id").GetString()!,
            i.GetProperty("title").GetString()!,
            i.GetProperty("url").GetString()!,
            DateTimeOffset.Parse(i.GetProperty("date_published").GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var next = root.TryGetProperty("next_url", out var url) ? new Uri(url.GetString()!) : null;
        return new PageView(entries, next);
    }
}
