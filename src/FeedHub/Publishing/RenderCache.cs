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
/// change (a new stamp) renders afresh. Bounded, least recently used first out; thread-safe.
/// </summary>
/// <remarks>Keys should be normalised (<see cref="FeedQuery.CacheKey"/>), not raw query strings.</remarks>
public sealed class RenderCache(int capacity = 512)
{
    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The cache needs room for at least one entry.");
    private readonly Dictionary<string, LinkedListNode<Slot>> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<Slot> _recency = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) return _slots.Count; }
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
                _slots.Remove(key);
                _recency.Remove(current);
            }
            _slots[key] = _recency.AddFirst(new Slot(key, changeStamp, rendered));
            while (_slots.Count > _capacity)
            {
                _slots.Remove(_recency.Last!.Value.Key);
                _recency.RemoveLast();
            }
        }
        return rendered;
    }

    private sealed record Slot(string Key, long Stamp, Rendered Rendered);
}
