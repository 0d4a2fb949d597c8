using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>
/// What operators type at the end of a body: hashtag lines ("#TemanPemilih", "Berita KPU") that
/// become tags, and a credit ("(HumasKPUKendal)", "By : MM", "[A/foto:FM]") that becomes the author.
/// </summary>
internal static partial class TrailingLines
{
    private const int CreditSearchDepth = 3;

    /// <summary>Removes trailing tag lines from the body and returns the tags in reading order.</summary>
    public static IReadOnlyList<string> TakeTags(IElement body)
    {
        var tags = new List<string>();
        while (Blocks.LeavesOf(body).LastOrDefault() is { } last)
        {
            var text = PageText.Of(last);
            if (HashtagLine().IsMatch(text)) tags.InsertRange(0, Hashtag().Matches(text).Select(m => m.Groups[1].Value));
            else if (CategoryLine().IsMatch(text)) tags.Insert(0, text);
            else if (!Blocks.IsEmpty(last)) break;
            Blocks.RemoveWithEmptyAncestors(last, body);
        }
        return tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The credit in the last few paragraphs, without its brackets or "By :", or null.</summary>
    public static string? FindAuthor(IElement body) =>
        Blocks.LeavesOf(body)
            .Select(PageText.Of)
            .Where(text => !PageText.IsBlank(text))
            .TakeLast(CreditSearchDepth)
            .Reverse()
            .Select(CreditIn)
            .FirstOrDefault(credit => credit is not null);

    private static string? CreditIn(string line)
    {
        if (ByLine().Match(line) is { Success: true } byLine) return PageText.Collapse(byLine.Groups["credit"].Value);
        if (TrailingBracket().Match(line) is not { Success: true } bracket) return null;
        var credit = PageText.Collapse(bracket.Groups["credit"].Value);
        return credit.Length == 0 || DateLike().IsMatch(credit) || Acronym().IsMatch(credit) ? null : credit;
    }

    [GeneratedRegex(@"^(?:#[\p{L}\p{N}_]+[\s,;]*)+$")]
    private static partial Regex HashtagLine();

    [GeneratedRegex(@"#([\p{L}\p{N}_]+)")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"^Berita\s+KPU$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CategoryLine();

    [GeneratedRegex(@"^(?:By|Oleh|Penulis|Editor)\s*:\s*(?<credit>.{1,60})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByLine();

    [GeneratedRegex(@"(?:\((?<credit>[^()]{1,80})\)|\[(?<credit>[^\[\]]{1,80})\])\s*[.]?$")]
    private static partial Regex TrailingBracket();

    /// <summary>A bracket that holds a date or a number ("(24/03/2024)", "(2/10)") is a dateline, not a credit.</summary>
    [GeneratedRegex(@"^[\d\s/.\-:]+$")]
    private static partial Regex DateLike();

    /// <summary>"(KPU)" after a name spells out an acronym; credits carry slashes, asterisks or mixed case.</summary>
    [GeneratedRegex(@"^[A-Z]{2,6}$")]
    private static partial Regex Acronym();
}
