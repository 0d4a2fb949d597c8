using System.IO.Compression;
using System.Runtime.CompilerServices;
using FeedHub.Publishing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FeedHub.Host.Web.Feeds;

/// <summary>
/// The bytes sent for one rendering in one content coding, with that representation's strong ETag
/// (a compressed body is a different representation, so its tag gets a <c>-br</c> or <c>-gzip</c> suffix).
/// </summary>
public sealed record EncodedBody(byte[] Body, string? ContentEncoding, string ETag)
{
    private const string Brotli = "br";
    private const string Gzip = "gzip";

    private static readonly ConditionalWeakTable<Rendered, Variants> Compressed = new();

    /// <summary>
    /// The representation the reader's <c>Accept-Encoding</c> prefers (highest q; on a tie brotli,
    /// then gzip, then identity). A compressed body is made once per rendering and lives as long as
    /// the rendering stays in <see cref="RenderCache"/>, so cached feeds cost no compression either.
    /// </summary>
    public static EncodedBody Select(Rendered rendered, StringValues acceptEncoding)
    {
        var coding = Preferred(acceptEncoding);
        if (coding is null)
            return new EncodedBody(rendered.Body, null, rendered.ETag);
        var variants = Compressed.GetValue(rendered, r => new Variants(r.Body));
        var body = coding == Brotli ? variants.Brotli.Value : variants.Gzip.Value;
        return new EncodedBody(body, coding, rendered.ETag.Insert(rendered.ETag.Length - 1, "-" + coding));
    }

    /// <summary>"br", "gzip", or null for identity.</summary>
    private static string? Preferred(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding)
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offered))
            return null;
        // A coding's own entry, else "*" (any coding not listed), else the default: identity is acceptable unless excluded.
        double Quality(string coding, double unlisted)
        {
            var entry = offered.FirstOrDefault(o => StringSegment.Equals(o.Value, coding, StringComparison.OrdinalIgnoreCase))
                        ?? offered.FirstOrDefault(o => o.Value == "*");
            return entry is null ? unlisted : entry.Quality ?? 1.0;
        }
        var brotli = Quality(Brotli, 0);
        var gzip = Quality(Gzip, 0);
        var identity = Quality("identity", 1);
        if (brotli > 0 && brotli >= gzip && brotli >= identity)
            return Brotli;
        if (gzip > 0 && gzip >= identity)
            return Gzip;
        return null;
    }

    private sealed class Variants(byte[] body)
    {
        public Lazy<byte[]> Brotli { get; } = new(() => Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal)));
        public Lazy<byte[]> Gzip { get; } = new(() => Compress(body, s => new GZipStream(s, CompressionLevel.Optimal)));

        private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
        {
            using var buffer = new MemoryStream();
            using (var stream = compressor(buffer))
                stream.Write(body);
            return buffer.ToArray();
        }
    }
}
