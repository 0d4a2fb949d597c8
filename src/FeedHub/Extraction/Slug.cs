using System.Globalization;
using System.Net;
using System.Text;
using FeedHub.Normalisation;

namespace FeedHub.Extraction;

/// <summary>
/// Slug comparison, used to tell the article title from other headings: the CMS builds the URL
/// slug from the HTML-escaped title, so <c>"</c> becomes <c>amp-quot</c>.
/// </summary>
internal static class Slug
{
    /// <summary>The lowercase ASCII word tokens the CMS would make of <paramref name="text"/>.</summary>
    public static IReadOnlySet<string> TokensOf(string text)
    {
        // Normalize throws on lone surrogates and noncharacters, which a hostile page can carry.
        var escaped = WebUtility.HtmlEncode(XmlChars.Clean(text)).Normalize(NormalizationForm.FormD);
        var word = new StringBuilder();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in escaped)
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (word.Length > 0) tokens.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>
    /// Dice similarity (0..1) of the word tokens of a text and a slug, leaving out
    /// <paramref name="siteWords"/>: the site's own name ("KPU Kabupaten Contoh") is in many titles
    /// and slugs and in every generic page title, so it tells nothing about which article this is.
    /// </summary>
    public static double Similarity(string text, string slug, IReadOnlySet<string> siteWords)
    {
        var a = TokensOf(text).Except(siteWords).ToHashSet();
        var b = TokensOf(slug.Replace('-', ' ').Replace('_', ' ')).Except(siteWords).ToHashSet();
        if (a.Count == 0 || b.Count == 0) return 0;
        return 2.0 * a.Count(b.Contains) / (a.Count + b.Count);
    }
}
