namespace FeedHub.Fixtures;

/// <summary>
/// What a site's template adds around the story: a breadcrumb naming the category, an inline ad block
/// inside the body. Drawn from their own generator (see <see cref="Draw.ForPages"/>).
/// </summary>
internal sealed record PageHabits
{
    /// <summary>"Beranda / Berita Terkini / …" above the title.</summary>
    public required bool Breadcrumb { get; init; }
    /// <summary>A <c>div.ads-inline</c> banner after the second paragraph (themes with class names only).</summary>
    public required bool InlineAd { get; init; }

    /// <summary>The text of the inline ad block: never part of a story, so tests can look for it.</summary>
    public const string AdText = "Iklan Layanan Masyarakat: Cek DPT Online di cekdptonline.kpu.go.id";

    public static PageHabits Draw(Random rng) => new()
    {
        Breadcrumb = rng.Chance(0.4),
        InlineAd = rng.Chance(0.4),
    };
}
