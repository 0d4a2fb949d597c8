using FeedHub.Normalisation;
using FeedHub.Sources;

namespace FeedHub.Tests.Normalisation;

public class ItemIdentityTests
{
    private static readonly IReadOnlyList<string> Patterns = Profile.DefaultArticlePatterns;

    private static ItemKey? KeyOf(string url) => ItemIdentity.FromArticleUrl(new Uri(url), Patterns);

    [Fact]
    public void Uses_the_numeric_id_of_an_id_form_url()
    {
        var key = KeyOf("https://kab-kudus.kpu.go.id/blog/read/8313_kpu-kudis-tingkatkan-kapasitas-hukum-lewat-forum-amp-quot-kamis-sesuatu-amp-quot");

        Assert.Equal(new ItemKey("8313", "kpu-kudis-tingkatkan-kapasitas-hukum-lewat-forum-amp-quot-kamis-sesuatu-amp-quot"), key);
        Assert.Equal("kab-kudus:8313", key!.IdIn("kab-kudus"));
    }

    [Fact]
    public void Uses_the_slug_of_a_slug_form_url()
    {
        var key = KeyOf("https://kab-grobogan.kpu.go.id/blog/read/apel-padi-di-awal-agustus");

        Assert.Equal(new ItemKey(null, "apel-padi-di-awal-agustus"), key);
        Assert.Equal("kab-grobogan:apel-padi-di-awal-agustus", key!.IdIn("kab-grobogan"));
    }

    [Fact]
    public void Gives_id_form_and_slug_form_of_one_article_the_same_slug() =>
        Assert.Equal(KeyOf("https://kab-contoh.kpu.go.id/blog/read/123_kpu-contoh-apel-pagi")!.Slug,
            KeyOf("https://kab-contoh.kpu.go.id/blog/read/kpu-contoh-apel-pagi")!.Slug);

    [Fact]
    public void Lowercases_the_slug() =>
        Assert.Equal("kab-contoh:kpu-contoh-apel-pagi", KeyOf("https://kab-contoh.kpu.go.id/blog/read/KPU-Contoh-Apel-Pagi")!.IdIn("kab-contoh"));

    [Fact]
    public void Reads_the_alternate_berita_baca_form() =>
        Assert.Equal(new ItemKey("123", "judul"), KeyOf("https://www.kpu.go.id/berita/baca/123/judul"));

    [Fact]
    public void Gives_no_key_to_a_url_no_pattern_matches() =>
        Assert.Null(KeyOf("https://kab-contoh.kpu.go.id/blog/category/104"));

    [Fact]
    public void Keys_a_feed_entry_by_its_guid_whatever_its_link()
    {
        var first = ItemIdentity.FromFeedEntry("tag:example.org,2025:42", new Uri("https://example.org/a"), "Judul", null);
        var moved = ItemIdentity.FromFeedEntry("tag:example.org,2025:42", new Uri("https://example.org/b"), "Judul baru", null);

        Assert.Equal(first, moved);
        Assert.Null(first.NumericId);
        Assert.Matches("^[0-9a-f]{16}$", first.Slug);
    }

    [Fact]
    public void Keys_a_feed_entry_without_guid_by_its_link() =>
        Assert.Equal(ItemIdentity.FromFeedEntry(null, new Uri("https://example.org/a"), "Judul", null),
            ItemIdentity.FromFeedEntry(" ", new Uri("https://example.org/a"), "Judul lain", "2025-10-06"));

    [Fact]
    public void Keys_a_feed_entry_without_guid_or_link_by_title_and_date() =>
        Assert.NotEqual(ItemIdentity.FromFeedEntry(null, null, "Judul", "2025-10-06"),
            ItemIdentity.FromFeedEntry(null, null, "Judul", "2025-10-07"));
}
