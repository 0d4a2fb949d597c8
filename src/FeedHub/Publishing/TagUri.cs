using System.Text;

namespace FeedHub.Publishing;

/// <summary>
/// RFC 4151 tag URIs for feed and entry ids. Built from stable keys only (item id, scope, filters),
/// never from a host name or a random uuid, so an id survives a move of the public base URL and
/// stays the same on every render.
/// </summary>
public static class TagUri
{
    private const string Authority = "tag:feedhub,2026:";

    /// <summary>The id of an item, e.g. <c>tag:feedhub,2026:item/kab-blora:8313</c>.</summary>
    public static string ForItem(string itemId) => Authority + "item/" + Escape(itemId);

    /// <summary>The id of a logical feed, e.g. <c>tag:feedhub,2026:feeds/all</c> or <c>…feeds/kab-blora?q=pemilu</c>.</summary>
    /// <param name="filters">The canonical filter query string (starting with <c>?</c>) or "".</param>
    public static string ForFeed(FeedScope scope, string filters) =>
        Authority + FeedPath.Stem(scope)[1..] + Escape(filters);

    /// <summary>
    /// Percent-encodes (UTF-8) every character RFC 4151's <c>specific</c> part does not allow; an
    /// existing <c>%XX</c> escape (from a path or query string) is kept as it is.
    /// </summary>
    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        var index = 0;
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var at = index;
            index += rune.Utf16SequenceLength;
            if (rune.IsAscii && (IsAllowed((char)rune.Value) || IsEscape(value, at)))
            {
                sb.Append((char)rune.Value);
                continue;
            }
            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    // specific = *( pchar / "/" / "?" ); pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".Contains(c);

    private static bool IsEscape(string value, int at) =>
        value[at] == '%' && at + 2 < value.Length && char.IsAsciiHexDigit(value[at + 1]) && char.IsAsciiHexDigit(value[at + 2]);
}
