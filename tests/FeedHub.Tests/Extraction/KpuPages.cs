using FeedHub.Sources;

namespace FeedHub.Tests.Extraction;

/// <summary>The synthetic KPU pages under Extraction/Pages and the made-up source they belong to.</summary>
internal static class KpuPages
{
    public static readonly Uri ListUrl = new("https://kab-contoh.kpu.go.id/index.php/blog/category/104");

    public static Source Source(Selectors? overrides = null) => new()
    {
        Id = "kab-contoh",
        Name = "KPU Kabupaten Contoh",
        Region = "jawa-tengah",
        Url = new Uri("https://kab-contoh.kpu.go.id/"),
        Profile = new Profile { Name = "kpu" },
        Overrides = overrides ?? Selectors.None,
    };

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "Pages", name));

    public static Uri Article(string path) => new("https://kab-contoh.kpu.go.id" + path);
}
