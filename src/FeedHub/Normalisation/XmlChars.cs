using System.Text;

namespace FeedHub.Normalisation;

/// <summary>
/// Removes the characters XML 1.0 forbids, which operators paste in from word processors and which
/// would make every RSS/Atom document holding them unreadable.
/// </summary>
public static class XmlChars
{
    /// <summary>
    /// <paramref name="text"/> without C0 controls (except tab, LF, CR), U+FFFE, U+FFFF and lone
    /// surrogates; valid surrogate pairs (emoji, non-BMP scripts) are kept.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstBad = FirstForbidden(text);
        if (firstBad < 0)
            return text;

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static int FirstForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (!IsAllowed(c))
                return i;
        }
        return -1;
    }

    /// <summary>A single UTF-16 unit XML 1.0 allows on its own (surrogates only come in pairs).</summary>
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
