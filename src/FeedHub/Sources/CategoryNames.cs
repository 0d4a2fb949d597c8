using System.Globalization;

namespace FeedHub.Sources;

/// <summary>
/// The KPU CMS's category ids with the names most sites give them, for a list page that names its own
/// category nowhere (no heading, no link to itself): an item found on a category list always has a category.
/// </summary>
public static class CategoryNames
{
    private static readonly Dictionary<int, string> Usual = new()
    {
        [104] = "Berita Terkini", [105] = "Sosialisasi", [11] = "Pengumuman", [14] = "Umum",
        [96] = "KPU Dalam Berita", [135] = "Opini", [137] = "PDPB",
    };

    /// <summary>The usual name of category <paramref name="id"/>, else "Kategori {id}".</summary>
    public static string Of(int id) => Usual.GetValueOrDefault(id) ?? "Kategori " + id.ToString(CultureInfo.InvariantCulture);
}
