using FeedHub.Storage;

namespace FeedHub.Publishing;

/// <summary>
/// Writes every published document as a file under the server's path (<c>feeds/all.atom</c>,
/// <c>feeds/region/jawa-tengah.rss</c>, every month's archive such as
/// <c>feeds/archive/2025-11/all.atom</c>, …, and <c>opml</c>), so any static web server can host the
/// folder and readers can rebuild the full history from it. Each file is written to a temporary name beside it and renamed over the old one, so a
/// web server never serves a half-written feed. Rendered by <see cref="FeedRenderer"/>: the same
/// bytes the server sends for the same path, sources, store and public base URL.
/// </summary>
/// <remarks>
/// Of the live feeds only the newest page is written, rendered as <see cref="FeedQuery.Static"/>:
/// without the <c>next</c> link whose <c>before</c> query a static host cannot answer. The archives
/// (the <c>prev-archive</c> chain) need no query and hold every item of the closed months. The
/// feeds' alternate link (the server's dashboard) is the folder's <c>index.html</c>, a list of every
/// feed, so no link in an export points to a page it does not contain.
/// </remarks>
public sealed class StaticExport(FeedRenderer renderer, ItemStore store)
{
    /// <summary>
    /// Renders and writes the combined feed, each source, region and stored category in every format,
    /// each followed by its archive documents (newest month first), then the OPML list as the
    /// extensionless file <c>opml</c> (serve it as <c>text/x-opml</c>) and <c>index.html</c>.
    /// </summary>
    /// <returns>The paths written, as served (<c>/feeds/all.atom</c>, …, <c>/opml</c>, <c>/index.html</c>).</returns>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    /// <exception cref="IOException">A file cannot be written; the message names it.</exception>
    public async Task<IReadOnlyList<string>> WriteAsync(
        string folder, PublishedSources sources, PublicUrls urls, CancellationToken cancellationToken)
    {
        var categories = await store.CategoriesAsync(cancellationToken);
        var scopes = sources.Scopes().Concat(categories.Select(FeedScope.Category).Where(HasPath)).ToList();
        var written = new List<string>();
        foreach (var scope in scopes)
        {
            var months = await renderer.ArchivesAsync(scope, sources, cancellationToken);
            var documents = new ArchiveMonth?[] { null }.Concat(months.Select(m => (ArchiveMonth?)m))
                .SelectMany(month => Enum.GetValues<FeedFormat>().Select(format => new FeedQuery(scope, format) { Archive = month, Static = true }));
            foreach (var document in documents)
            {
                var rendered = await renderer.RenderAsync(document, sources, urls, cancellationToken);
                written.Add(await WriteAsync(folder, document.Path, rendered.Body, cancellationToken));
            }
        }
        var opml = await renderer.RenderOpmlAsync(sources, urls, cancellationToken);
        written.Add(await WriteAsync(folder, FeedPath.Opml, opml.Body, cancellationToken));
        var index = new StaticIndexPage(urls).Write(scopes, sources);
        written.Add(await WriteAsync(folder, StaticIndexPage.Path, index, cancellationToken));
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
