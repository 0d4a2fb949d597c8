using System.Globalization;

namespace FeedHub.Fixtures;

/// <summary>Who the n-th fixture site is: the 35 Central Java regencies and cities, the province, then synthetic ones.</summary>
internal static class SiteRoster
{
    /// <summary>A site's identity and the town its datelines name.</summary>
    internal sealed record Identity(string Id, string Name, string Place, string Region);

    private const string Region = "jawa-tengah";

    private static readonly string[] Regencies =
    [
        "banjarnegara", "banyumas", "batang", "blora", "boyolali", "brebes", "cilacap", "demak", "grobogan",
        "jepara", "karanganyar", "kebumen", "kendal", "klaten", "kudus", "magelang", "pati", "pekalongan",
        "pemalang", "purbalingga", "purworejo", "rembang", "semarang", "sragen", "sukoharjo", "tegal",
        "temanggung", "wonogiri", "wonosobo",
    ];

    private static readonly string[] Cities = ["magelang", "pekalongan", "salatiga", "semarang", "surakarta", "tegal"];

    /// <summary>Regencies whose datelines name the seat of government rather than the regency.</summary>
    private static readonly Dictionary<string, string> RegencySeats = new()
    {
        ["semarang"] = "Ungaran", ["magelang"] = "Mungkid", ["pekalongan"] = "Kajen", ["tegal"] = "Slawi",
    };

    public const int RealSites = 36;

    public static Identity At(int index)
    {
        if (index < Regencies.Length)
        {
            var name = Regencies[index];
            return new Identity($"kab-{name}", $"KPU Kabupaten {Title(name)}",
                RegencySeats.GetValueOrDefault(name, Title(name)), Region);
        }
        if (index < Regencies.Length + Cities.Length)
        {
            var name = Cities[index - Regencies.Length];
            return new Identity($"kota-{name}", $"KPU Kota {Title(name)}", Title(name), Region);
        }
        if (index == RealSites - 1)
            return new Identity("jateng", "KPU Provinsi Jawa Tengah", "Semarang", Region);
        var number = (index + 1).ToString("000", CultureInfo.InvariantCulture);
        return new Identity($"kab-contoh-{number}", $"KPU Kabupaten Contoh {number}", "Contoh", Region);
    }

    private static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
