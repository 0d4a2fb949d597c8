using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FeedHub.Storage;

namespace FeedHub.Publishing;

/// <summary>
/// The opaque <c>before</c> paging token: base64url of <c>{published as UTC Unix milliseconds}|{item id}</c>.
/// Opaque so readers follow links instead of building positions; keyset-based so a page never
/// repeats or skips items when new ones arrive at the top.
/// </summary>
public static class PageCursor
{
    private const char Separator = '|';

    public static string Encode(ItemCursor cursor)
    {
        var text = cursor.Published.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + Separator + cursor.Id;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The position a token names, or false when the token is not one this class wrote.</summary>
    public static bool TryDecode(string token, out ItemCursor cursor)
    {
        cursor = null!;
        if (token.Length is 0 or > 1024 || !Base64Url.IsValid(token))
            return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var split = text.IndexOf(Separator);
        if (split <= 0 || split == text.Length - 1
            || !long.TryParse(text.AsSpan(0, split), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            || ms < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            return false;
        cursor = new ItemCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), text[(split + 1)..]);
        return true;
    }
}
