using System.Security.Cryptography;

namespace FeedHub.Publishing;

/// <summary>Rendered bytes with their HTTP validators.</summary>
public sealed record Rendered(byte[] Body, string ETag, DateTimeOffset? LastModified, string MediaType)
{
    /// <summary>Wraps bytes with a strong ETag: the first 32 hex digits of their SHA-256, quoted.</summary>
    public static Rendered Of(byte[] body, string mediaType, DateTimeOffset? lastModified) =>
        new(body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"", lastModified, mediaType);
}

/// <summary>
/// Rendered feeds by request key and store change stamp: a request that finds its key rendered
/// at the current stamp gets the same bytes and ETag without touching the store's items; any store
/// change (a new stamp) renders afresh. Bounded by entries and by bytes of bodies held (distinct
/// <c>since=</c> values over fat items once kept gigabytes), least recently used first out; a rendering
/// larger than the whole byte bound is served but not kept. Thread-safe.
/// </summary>
/// <remarks>Keys should be normalised (<see cref="FeedQuery.CacheKey"/>), not raw query strings.</remarks>
public sealed class RenderCache(int capacity = 512, long maxBytes = RenderCache.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The cache needs room for at least one entry.");
    private readonly long _maxBytes = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The cache needs room for at least one byte.");
    private long _bytes;
    private readonly Dictionary<string, LinkedListNode<Slot>> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<Slot> _recency = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) return _slots.Count; }
    }

    /// <summary>Bytes of rendered bodies held now.</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    /// <summary>
    /// The cached rendering of <paramref name="key"/> at <paramref name="changeStamp"/>, or the result
    /// of <paramref name="render"/>, which is then cached. Rendering runs outside the lock, so a slow
    /// render never blocks other keys; two racing misses of one key both render the same bytes, and a
    /// render for an older stamp never replaces a newer one. A render that fails caches nothing.
    /// </summary>
    public async Task<Rendered> GetOrRenderAsync(string key, long changeStamp, Func<Task<Rendered>> render)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(key, out var node) && node.Value.Stamp == changeStamp)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Rendered;
            }
        }
        var rendered = await render();
        lock (_gate)
        {
            if (_slots.TryGetValue(key, out var current))
            {
                if (current.Value.Stamp > changeStamp)
                    return rendered;
                Evict(current);
            }
            if (rendered.Body.Length > _maxBytes)
                return rendered;
            _slots[key] = _recency.AddFirst(new Slot(key, changeStamp, rendered));
            _bytes += rendered.Body.Length;
            while (_slots.Count > _capacity || _bytes > _maxBytes)
                Evict(_recency.Last!);
        }
        return rendered;
    }

    private void Evict(LinkedListNode<Slot> node)
    {
        _slots.Remove(node.Value.Key);
        _recency.Remove(node);
        _bytes -= node.Value.Rendered.Body.Length;
    }

    private sealed record Slot(string Key, long Stamp, Rendered Rendered);
}
