using System.Text.RegularExpressions;
using FeedHub.Sources;

namespace FeedHub.Extraction;

/// <summary>
/// The source's own name as pages spell it around a headline: "KPU Kota Salatiga | Peringati …",
/// "… - KPU Kabupaten Blora", "… — KPU Kab. Blora", "… · kab-blora.kpu.go.id". Recognised by words
/// (the configured name, the id, the host and the words every office name is made of), not by one
/// spelling, because each template writes the name its own way.
/// </summary>
internal sealed partial class SiteName
{
    /// <summary>Words of any KPU office's name; with the source's own words they make up its name.</summary>
    private static readonly string[] OfficeWords =
    [
        "kpu", "kab", "kabupaten", "kota", "komisi", "pemilihan", "umum", "provinsi", "prov", "go", "id", "www",
        "website", "resmi", "official", "situs",
    ];

    private readonly IReadOnlySet<string> words;

    public SiteName(Source source)
    {
        var own = Slug.TokensOf($"{source.Name} {source.Id} {source.Url.Host}");
        words = own.Concat(OfficeWords).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when the text is nothing but the site's name (in any of its spellings).</summary>
    public bool IsAllOf(string text)
    {
        var tokens = Slug.TokensOf(text);
        return tokens.Count > 0 && tokens.All(words.Contains);
    }

    /// <summary>
    /// <paramref name="title"/> without the site's name before or after it, with whatever separator
    /// (<c>| - – — : ·</c>) stands between; the title itself when nothing else would be left.
    /// </summary>
    public string StripFrom(string title)
    {
        var stripped = title;
        while (Separator().Matches(stripped) is { Count: > 0 } separators)
        {
            var first = separators[0];
            var last = separators[^1];
            if (IsAllOf(stripped[..first.Index])) stripped = stripped[(first.Index + first.Length)..];
            else if (IsAllOf(stripped[(last.Index + last.Length)..])) stripped = stripped[..last.Index];
            else break;
        }
        stripped = stripped.Trim();
        return PageText.IsBlank(stripped) ? title : stripped;
    }

    // A hyphen or dash separates only with spaces around it: "kab-blora" and "Pra-Pemilu" are words.
    [GeneratedRegex(@"\s+[-–—]\s+|\s*[|·:]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
