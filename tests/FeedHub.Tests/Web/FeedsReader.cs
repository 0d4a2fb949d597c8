using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using FeedHub.Publishing;

namespace FeedHub.Tests.Web;

/// <summary>One entry as a feed document shows it, read back with Syndication or System.Text.Json.</summary>
public sealed record EntryView(string Id, string Title, string Link, DateTimeOffset Published);

/// <summary>One feed page read back: its entries, its RFC 5005 <c>next</c> link and its archive links and marker.</summary>
public sealed record PageView(IReadOnlyList<EntryView> Entries, Uri? Next)
{
    public Uri? Self { get; init; }
    public Uri? Current { get; init; }
    public Uri? PrevArchive { get; init; }
    public Uri? NextArchive { get; init; }
    /// <summary>Whether the document carries RFC 5005's archive marker (<c>fh:archive</c>, or <c>archive: true</c> in JSON).</summary>
    public bool IsArchive { get; init; }
}

/// <summary>Reads served feeds back the way a reader would, and walks their paging links.</summary>
public static class FeedsReader
{
    public static PageView Read(FeedFormat format, byte[] body) =>
        format == FeedFormat.Json ? ReadJson(body) : ReadXml(body);

    /// <summary>
    /// The archive documents of a feed, newest first, following <c>prev-archive</c> from the live
    /// feed at <paramref name="path"/> to the oldest archive.
    /// </summary>
    public static async Task<IReadOnlyList<PageView>> WalkArchivesAsync(FeedsServer server, string path)
    {
        var format = FormatOf(path);
        var archives = new List<PageView>();
        var previous = Read(format, await server.GetBytesAsync(path)).PrevArchive;
        while (previous is not null)
        {
            Assert.True(archives.Count < 120, $"more than 120 archives from {path}: the prev-archive links loop");
            var archive = Read(format, await server.GetBytesAsync(previous.AbsoluteUri));
            archives.Add(archive);
            previous = archive.PrevArchive;
        }
        return archives;
    }

    /// <summary>The format a feed path's extension names.</summary>
    public static FeedFormat FormatOf(string path) => FeedFormats.FromExtension(path.Split('?')[0].Split('.')[^1])!.Value;

    /// <summary>Every entry of a feed, following <c>next</c> from the first page to the last.</summary>
    public static async Task<IReadOnlyList<EntryView>> WalkAsync(FeedsServer server, string path)
    {
        var format = FormatOf(path);
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
        Uri? Link(string relation) => feed.Links.SingleOrDefault(l => l.RelationshipType == relation)?.Uri;
        return new PageView(entries, Link("next"))
        {
            Self = Link("self"),
            Current = Link("current"),
            PrevArchive = Link("prev-archive"),
            NextArchive = Link("next-archive"),
            IsArchive = feed.ElementExtensions.Any(e => e.OuterName == "archive" && e.OuterNamespace == SyndicationFeedWriter.HistoryNamespace),
        };
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
        var history = root.TryGetProperty(JsonFeedWriter.ArchiveExtension, out var extension) ? extension : (JsonElement?)null;
        Uri? Link(string relation) => history is { } h && h.TryGetProperty(relation, out var link) ? new Uri(link.GetString()!) : null;
        return new PageView(entries, next)
        {
            Self = new Uri(root.GetProperty("feed_url").GetString()!),
            Current = Link("current"),
            PrevArchive = Link("prev-archive"),
            NextArchive = Link("next-archive"),
            IsArchive = history is { } marker && marker.GetProperty("archive").GetBoolean(),
        };
    }
}
