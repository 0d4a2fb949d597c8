using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHub.Fetching;

/// <summary>
/// Turns a response body into text the way a browser would: byte-order mark, then the Content-Type
/// charset, then a <c>&lt;meta&gt;</c> charset (or the XML declaration of an XML document) in the first
/// 1024 bytes, else UTF-8. A declared single-byte charset (windows-1252) yields to UTF-8 when the bytes
/// are valid UTF-8 with multi-byte sequences: servers claim windows-1252 for UTF-8 pages, and read as
/// windows-1252 their “ – ” become mojibake that breaks title matching. Bytes invalid in the chosen
/// encoding become U+FFFD; decoding never throws.
/// </summary>
public static partial class CharsetDetector
{
    private const int PrescanBytes = 1024;

    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="body"/> served with the <paramref name="contentType"/> header (may be null).</summary>
    public static string Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var (encoding, bomLength) = Detect(body, contentType);
        return encoding.GetString(body[bomLength..]);
    }

    /// <summary>The encoding of <paramref name="body"/> and the length of its byte-order mark (0 when none).</summary>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF]))
            return (Encoding.UTF8, 3);
        if (body.StartsWith([(byte)0xFF, (byte)0xFE]))
            return (Encoding.Unicode, 2);
        if (body.StartsWith([(byte)0xFE, (byte)0xFF]))
            return (Encoding.BigEndianUnicode, 2);

        var declared = Lookup(HeaderCharset(contentType));
        if (declared is not null)
            return (Utf8Despite(declared, body), 0);

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, PrescanBytes)]);
        var fromMarkup = Lookup(MetaCharset().Match(head) is { Success: true } meta ? meta.Groups["charset"].Value : null)
            ?? (IsXml(contentType, head) ? Lookup(XmlDeclarationEncoding().Match(head) is { Success: true } xml ? xml.Groups["charset"].Value : null) : null);
        return (fromMarkup is null ? Encoding.UTF8 : Utf8Despite(fromMarkup, body), 0);
    }

    /// <summary>
    /// UTF-8 instead of a declared single-byte encoding when the body holds a byte over 0x7F and is valid
    /// UTF-8 throughout: real windows-1252 text almost never forms valid multi-byte sequences.
    /// </summary>
    private static Encoding Utf8Despite(Encoding declared, ReadOnlySpan<byte> body) =>
        declared.IsSingleByte && body.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 && System.Text.Unicode.Utf8.IsValid(body)
            ? Encoding.UTF8
            : declared;

    private static string? HeaderCharset(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet?.Trim('"', '\'', ' ') : null;

    private static bool IsXml(string? contentType, string head) =>
        (contentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) ?? false) || head.TrimStart().StartsWith("<?xml", StringComparison.Ordinal);

    /// <summary>
    /// The encoding for a charset label, or null when unknown. As in the WHATWG Encoding Standard,
    /// "iso-8859-1" and "us-ascii" mean windows-1252, which is what such pages actually contain.
    /// </summary>
    private static Encoding? Lookup(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
            return null;
        var name = label.Trim().ToLowerInvariant() switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" => "windows-1252",
            "utf8" => "utf-8",
            var other => other,
        };
        try
        {
            return name == "utf-8" ? Encoding.UTF8 : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*(?<charset>[A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'](?<charset>[A-Za-z0-9_:.\-]+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationEncoding();
}
