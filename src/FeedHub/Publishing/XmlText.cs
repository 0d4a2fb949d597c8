using System.Text;

namespace FeedHub.Publishing;

/// <summary>
/// Removes characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates,
/// U+FFFE/U+FFFF): XmlWriter would throw on them, and a scraped page can contain any of them.
/// Escaping is not done here; that is the writer's job.
/// </summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        if (IsClean(text))
            return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (IsAllowedSingle(c))
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (!IsAllowedSingle(c))
                return false;
        }
        return true;
    }

    // Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; pairs are handled by the callers.
    private static bool IsAllowedSingle(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
