using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>
/// What operators type at the end of a body: hashtag lines ("#TemanPemilih", "Berita KPU") that
/// become tags. The credit line ("(HumasKPUKendal)", "[A/foto:FM]") stays in the text: it is a desk
/// code, not an author (see <see cref="ArticleAuthor"/>).
/// </summary>
internal static partial class TrailingLines
{
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

    [GeneratedRegex(@"^(?:#[\p{L}\p{N}_]+[\s,;]*)+$")]
    private static partial Regex HashtagLine();

    [GeneratedRegex(@"#([\p{L}\p{N}_]+)")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"^Berita\s+KPU$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CategoryLine();
}
