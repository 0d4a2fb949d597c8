using FeedHub.Storage;

namespace FeedHub.Publishing;

/// <summary>
/// Writes every published document as a file under the server's path (<c>feeds/all.atom</c>,
/// <c>feeds/region/jawa-tengah.rss</c>, …, and <c>opml</c>), so any static web server can host the
/// folder. Each file is written to a temporary name beside it and renamed over the old one, so a
/// web server never serves a half-written feed. Rendered by <see cref="FeedRenderer"/>: the same
/// bytes the server sends for the same path, sources, store and public base URL.
/// </summary>
/// <remarks>
/// Only the newest page of each feed is written (the server's answer without query). Its
/// <c>next</c> link carries a <c>before</c> query, which a static host ignores, so older pages are
/// served only by `feedhub run` under the same base URL.
/// </remarks>
public sealed class StaticExport(FeedRenderer renderer, ItemStore store)
{
    /// <summary>
    /// Renders and writes the combined feed, each source, region and stored category in every format,
    /// then the OPML list as the extensionless file <c>opml</c> (serve it as <c>text/x-opml</c>).
    /// </summary>
    /// <returns>The paths written, as served (<c>/feeds/all.atom</c>, …, <c>/opml</c>).</returns>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    /// <exception cref="IOException">A file cannot be written; the message names it.</exception>
    public async Task<IReadOnlyList<string>> WriteAsync(
        string folder, PublishedSources sources, PublicUrls urls, CancellationToken cancellationToken)
    {
        var categories = await store.CategoriesAsync(cancellationToken);
        var scopes = sources.Scopes().Concat(categories.Select(FeedScope.Category).Where(HasPath));
        var written = new List<string>();
        foreach (var scope in scopes)
        {
            foreach (var format in Enum.GetValues<FeedFormat>())
            {
                var rendered = await renderer.RenderAsync(new FeedQuery(scope, format), sources, urls, cancellationToken);
                written.Add(await WriteAsync(folder, FeedPath.For(scope, format), rendered.Body, cancellationToken));
            }
        }
        var opml = await renderer.RenderOpmlAsync(sources, urls, cancellationToken);
        written.Add(await WriteAsync(folder, FeedPath.Opml, opml.Body, cancellationToken));
        return written;
    }

    /// <summary>The file a served path maps to: its segments percent-decoded, as a static web server maps them.</summary>
    public static string FileOf(string folder, string path) =>
        Path.Combine([folder, .. path.TrimStart('/').Split('/').Select(Uri.UnescapeDataString)]);

    /// <summary>
    /// Whether the server answers this category's path: a name that holds a '/' has no single path
    /// segment (the server answers 404), so it gets no file either.
    /// </summary>
    private static bool HasPath(FeedScope scope) =>
        FeedPath.TryParse(FeedPath.For(scope, FeedFormat.Atom), out var parsed, out _) && parsed == scope;

    private static async Task<string> WriteAsync(string folder, string path, byte[] body, CancellationToken cancellationToken)
    {
        var file = FileOf(folder, path);
        var directory = Path.GetDirectoryName(file)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(file)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(temporary, body, cancellationToken);
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write the export file '{file}': {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
        return path;
    }
}
