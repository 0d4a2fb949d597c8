using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>
/// Recognises the volatile and decorative parts of a page that are not the article: view counters,
/// share blocks, related-news lists, category links. Recognition is by text and link targets, not class names.
/// </summary>
internal static partial class Noise
{
    /// <summary>Page furniture that never holds article text.</summary>
    public const string Furniture = "script, style, noscript, template, nav, aside, form, marquee, button, input, select, textarea, svg";

    /// <summary>A view counter: "Telah dilihat 12 kali", "Dibaca: 40", "75 views", or a bare number.</summary>
    public static bool IsCounter(string text) => Counter().IsMatch(text);

    /// <summary>A link to a social sharer (facebook/twitter/x/WhatsApp/Telegram/LinkedIn/email).</summary>
    public static bool IsShareLink(IElement anchor) => ShareTarget().IsMatch(anchor.GetAttribute("href") ?? "");

    /// <summary>A "Bagikan:" / "Share" lead-in.</summary>
    public static bool IsShareLabel(string text) => ShareLabel().IsMatch(text);

    /// <summary>The heading of a related-news or sidebar list ("Berita Terkait", "Baca Juga").</summary>
    public static bool IsRelatedHeading(string text) => Related().IsMatch(text);

    /// <summary>A link to a category list page (<c>/blog/category/105</c>, <c>/kategori/sosialisasi</c>), e.g. the "Sosialisasi" label.</summary>
    public static bool IsCategoryLink(IElement anchor) => CategoryPath().IsMatch(anchor.GetAttribute("href") ?? "");

    /// <summary>A maintenance notice such as "website dalam pemeliharaan".</summary>
    public static bool IsMaintenanceNotice(string text) => Maintenance().IsMatch(text);

    [GeneratedRegex(@"^(?:(?:(?:telah\s+)?dilihat|dibaca|views?|hits?|pembaca|viewed)\s*:?\s*\d[\d.,]*\s*(?:kali|x|times)?|\d[\d.,]*\s*(?:kali\s+)?(?:dilihat|dibaca|views?|hits?|kali)|\d{1,7})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Counter();

    [GeneratedRegex(@"(?:facebook\.com/sharer|facebook\.com/share\.php|twitter\.com/(?:intent|share)|(?:^|//)x\.com/intent|wa\.me/|whatsapp\.com/send|api\.whatsapp\.com|t\.me/share|telegram\.me/share|linkedin\.com/share|pinterest\.com/pin/create|^mailto:\?|^whatsapp:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareTarget();

    [GeneratedRegex(@"^(?:bagikan|share|sebarkan)(?:\s+(?:ke|this|berita|artikel))?\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareLabel();

    [GeneratedRegex(@"^(?:(?:berita|artikel|postingan|post|informasi)\s+(?:terkait|lainnya|lain|terbaru|populer|terpopuler)|baca\s+juga|related\s+(?:posts?|news|articles?)|running\s+text)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Related();

    [GeneratedRegex(@"/(?:index\.php/)?(?:blog/category/\d+|(?:berita/)?kategori/[a-z0-9-]+)/?(?:\?.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPath();

    [GeneratedRegex(@"\b(?:(?:dalam|sedang)\s+(?:pemeliharaan|perbaikan|perawatan|maintenance)|under\s+(?:maintenance|construction)|maintenance\s+mode|situs\s+sedang\s+tidak\s+dapat\s+diakses)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Maintenance();
}
