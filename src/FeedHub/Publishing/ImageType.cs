namespace FeedHub.Publishing;

/// <summary>Guesses an image's media type from its URL's extension; enclosures must name one.</summary>
internal static class ImageType
{
    public static string Of(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".svg" => "image/svg+xml",
            ".avif" => "image/avif",
            _ => "image/jpeg",
        };
    }
}
