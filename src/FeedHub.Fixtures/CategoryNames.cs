using System.Globalization;

namespace FeedHub.Fixtures;

/// <summary>Category headings by id (docs/kpu-sites.md §3); 104's varies per site.</summary>
internal static class CategoryNames
{
    public static string Heading(int category, SiteStyle style) => category switch
    {
        104 => style.NewsHeading,
        105 => "Sosialisasi",
        11 => "Pengumuman",
        14 => "Umum",
        96 => "KPU Dalam Berita",
        135 => "Opini",
        137 => "PDPB",
        _ => "Kategori " + category.ToString(CultureInfo.InvariantCulture),
    };
}
