using System.Text.Json;

namespace FeedHub.Extraction;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org) with System.Text.Json.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static ParsedFeed Read(string text, Uri url)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "version") is not { } version
                || !version.StartsWith("https://jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
                throw new FeedFormatException($"{url}: JSON document is not a JSON Feed (no jsonfeed.org version)");
            var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : default;
            var entries = items.Select(item => Entry(item, url)).OfType<ExtractedArticle>().ToList();
            return new ParsedFeed(String(root, "title"), entries);
        }
        catch (JsonException e)
        {
            throw new FeedFormatException($"{url}: not well-formed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static ExtractedArticle? Entry(JsonElement item, Uri feedUrl)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        var link = FeedLinks.Resolve(feedUrl, String(item, "url") ?? String(item, "external_url"));
        var id = String(item, "id");
        if (FeedLinks.EntryUrl(feedUrl, link, id) is not { } entryUrl) return null;
        var contentText = String(item, "content_text");
        return new ExtractedArticle
        {
            Url = entryUrl,
            Title = String(item, "title") ?? "",
            ContentHtml = String(item, "content_html") ?? (contentText is null ? "" : FeedLinks.AsHtml(contentText)),
            Summary = String(item, "summary"),
            ImageUrl = (FeedLinks.Resolve(feedUrl, String(item, "image") ?? String(item, "banner_image")))?.ToString(),
            Author = AuthorOf(item),
            Tags = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0).Distinct().ToList()
                : [],
            ExternalId = id,
            Dates = String(item, "date_published") is { } published ? [new DateCandidate(DateSource.Meta, published)] : [],
            UpdatedText = String(item, "date_modified"),
        };
    }

    /// <summary>JSON Feed 1.1 <c>authors[0].name</c>, else 1.0 <c>author.name</c>.</summary>
    private static string? AuthorOf(JsonElement item)
    {
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var name = authors.EnumerateArray().Select(a => String(a, "name")).FirstOrDefault(n => n is not null);
            if (name is not null) return name;
        }
        return item.TryGetProperty("author", out var author) ? String(author, "name") : null;
    }

    /// <summary>A string (or number, for ids) property, trimmed; null when absent or blank.</summary>
    private static string? String(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
