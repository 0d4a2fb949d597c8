using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>Items shaped like the KPU Central Java news posts.</summary>
internal static class TestItems
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static ItemWrite Write(
        string source, int number, DateTimeOffset published, string title = "KPU Gelar Rapat Pleno Rekapitulasi",
        string content = "<p>Rapat pleno terbuka rekapitulasi hasil penghitungan suara.</p>",
        string? category = "Berita", string? fingerprint = null)
    {
        var slug = $"{number}_kpu-gelar-rapat-pleno";
        var item = new Item
        {
            Id = $"{source}:{number}",
            SourceId = source,
            Link = $"https://{source}.kpu.go.id/blog/read/{slug}",
            Title = title,
            ContentHtml = content,
            Summary = "Rapat pleno terbuka rekapitulasi hasil penghitungan suara.",
            ImageUrl = $"https://{source}.kpu.go.id/images/{number}.jpg",
            Category = category,
            Author = "Humas KPU",
            Tags = ["pemilu", "rekapitulasi"],
            Published = published,
            DateSource = DateSource.PageElement,
            FirstSeen = TempDatabase.Start,
            ContentHash = Hash(title, content),
        };
        return new ItemWrite(item, slug, fingerprint);
    }

    /// <summary>The same item after a real edit: new content, new hash, next version.</summary>
    public static ItemWrite Edited(ItemWrite write, string content, DateTimeOffset updated) =>
        write with
        {
            Item = write.Item with
            {
                ContentHtml = content,
                ContentHash = Hash(write.Item.Title, content),
                Version = write.Item.Version + 1,
                Updated = updated,
            },
        };

    public static DateTimeOffset WibTime(int day, int hour, int minute = 0) =>
        new(2025, 12, day, hour, minute, 0, Wib);

    private static string Hash(string title, string content) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(title + "\n" + content)));
}
