using System.Buffers;

namespace FeedHub.Fetching;

/// <summary>What <see cref="BodyReader"/> read: at most the cap, and whether the body went on beyond it.</summary>
internal readonly record struct CappedBody(byte[] Bytes, bool ExceededCap);

/// <summary>
/// Reads a (decompressed) response stream in chunks and stops one byte past the cap, so a huge or endless
/// body costs at most the cap in memory, whatever Content-Length claimed.
/// </summary>
internal static class BodyReader
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<CappedBody> ReadAsync(Stream stream, long cap, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            using var body = new MemoryStream();
            while (true)
            {
                var room = (int)Math.Min(ChunkBytes, cap + 1 - body.Length);
                var read = await stream.ReadAsync(chunk.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    return new CappedBody(body.ToArray(), ExceededCap: false);
                body.Write(chunk, 0, read);
                if (body.Length > cap)
                {
                    body.SetLength(cap);
                    return new CappedBody(body.ToArray(), ExceededCap: true);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
