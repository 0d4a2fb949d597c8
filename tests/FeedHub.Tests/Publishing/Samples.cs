using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Publishing;
using FeedHub.Sources;

namespace FeedHub.Tests.Publishing;

/// <summary>Realistic sources and items modelled on the KPU sites of Central Java (docs/kpu-sites.md).</summary>
internal static class Samples
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    public static readonly PublicUrls Urls = new(new Uri("http://127.0.0.1:5080"));

    private static readonly string[] Hosts =
    [
        "jateng", "kab-banjarnegara", "kab-banyumas", "kab-batang", "kab-blora", "kab-boyolali", "kab-brebes",
        "kab-cilacap", "kab-demak", "kab-grobogan", "kab-jepara", "kab-karanganyar", "kab-kebumen", "kab-kendal",
        "kab-klaten", "kab-kudus", "kab-magelang", "kab-pati", "kab-pekalongan", "kab-pemalang", "kab-purbalingga",
        "kab-purworejo", "kab-rembang", "kab-semarang", "kab-sragen", "kab-sukoharjo", "kab-tegal", "kab-temanggung",
        "kab-wonogiri", "kab-wonosobo", "kota-magelang", "kota-pekalongan", "kota-salatiga", "kota-semarang",
        "kota-surakarta", "kota-tegal",
    ];

    public static readonly IReadOnlyList<Source> Sources = Hosts.Select(Source).ToList();

    public static Source Source(string host) => new()
    {
        Id = host,
        Name = host == "jateng" ? "KPU Provinsi Jawa Tengah" : NameOf(host),
        Region = "jawa-tengah",
        Url = new Uri($"https://{host}.kpu.go.id/"),
        Profile = new Profile { Name = "kpu" },
    };

    public static Item Item(string sourceId, int number, DateTimeOffset published, string? title = null) => new()
    {
        Id = $"{sourceId}:{number}",
        SourceId = sourceId,
        Link = $"https://{sourceId}.kpu.go.id/blog/read/{number}_rapat-pleno-terbuka-rekapitulasi",
        Title = title ?? $"Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih Berkelanjutan {number}",
        ContentHtml = $"<p>KPU menggelar rapat pleno terbuka nomor {number} di aula kantor.</p><img src=\"https://{sourceId}.kpu.go.id/uploads/berita/{number}.jpg\" alt=\"\">",
        Summary = $"KPU menggelar rapat pleno terbuka nomor {number} di aula kantor.",
        ImageUrl = $"https://{sourceId}.kpu.go.id/uploads/berita/{number}.jpg",
        Category = "Berita",
        Author = "Humas KPU",
        Published = published,
        DateSource = DateSource.Meta,
        FirstSeen = published.AddMinutes(20),
        ContentHash = $"hash-{number}",
    };

    /// <summary>Items newest first, one hour apart, spread over the sources, starting 5 Jan 2026 10:00 WIB.</summary>
    public static IReadOnlyList<Item> Items(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Item(Hosts[i % Hosts.Length], 9000 - i, new DateTimeOffset(2026, 1, 5, 10, 0, 0, Wib).AddHours(-i)))
            .ToList();

    public static FeedQuery Query(FeedScope? scope = null, FeedFormat format = FeedFormat.Atom, int limit = 50) =>
        new(scope ?? FeedScope.All, format) { Limit = limit };

    /// <summary>A page built the way the server builds it: read limit + 1 items (all of them for an archive), compose.</summary>
    public static FeedPage Page(IReadOnlyList<Item> stored, FeedQuery query, IReadOnlyList<ArchiveMonth>? archives = null) =>
        FeedPage.Compose(query, query.Archive is null ? stored.Take(query.Limit + 1).ToList() : stored, Sources, Urls,
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, Wib), archives);

    /// <summary>A month from its canonical form, e.g. <c>2025-11</c>.</summary>
    public static ArchiveMonth Month(string text) =>
        ArchiveMonth.TryParse(text, out var month) ? month : throw new ArgumentException($"'{text}' is not a yyyy-MM month.", nameof(text));

    private static string NameOf(string host)
    {
        var kind = host.StartsWith("kota-", StringComparison.Ordinal) ? "Kota" : "Kabupaten";
        return $"KPU {kind} {FeedPage.RegionName(host[(host.IndexOf('-') + 1)..])}";
    }
}
