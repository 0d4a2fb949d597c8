using System.Text.Json;
using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class JsonFeedWriterTests
{
    private readonly JsonFeedWriter _writer = new();

    private JsonElement Render(IReadOnlyList<FeedHub.Normalisation.Item> items, int limit = 50) =>
        JsonDocument.Parse(_writer.Write(Samples.Page(items, Samples.Query(format: FeedFormat.Json, limit: limit)))).RootElement;

    [Fact]
    public void Same_page_renders_to_the_same_bytes()
    {
        var page = Samples.Page(Samples.Items(20), Samples.Query(format: FeedFormat.Json));
        Assert.Equal(_writer.Write(page), _writer.Write(page));
    }

    [Fact]
    public void Has_the_required_top_level_fields_of_JSON_Feed_1_1()
    {
        var feed = Render(Samples.Items(3));
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.Equal("Semua sumber — FeedHub", feed.GetProperty("title").GetString());
        Assert.Equal("http://127.0.0.1:5080/", feed.GetProperty("home_page_url").GetString());
        Assert.Equal("http://127.0.0.1:5080/feeds/all.json", feed.GetProperty("feed_url").GetString());
        Assert.Equal("id", feed.GetProperty("language").GetString());
        Assert.Equal(3, feed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Item_carries_id_url_title_content_summary_image_dates_authors_and_tags()
    {
        var items = new[]
        {
            Samples.Item("kab-blora", 8313, new DateTimeOffset(2026, 1, 5, 0, 0, 0, Samples.Wib)) with
            {
                Updated = new DateTimeOffset(2026, 1, 6, 8, 0, 0, Samples.Wib),
                Tags = ["Pilkada"],
            },
        };
        var item = Render(items).GetProperty("items")[0];
        Assert.Equal("tag:feedhub,2026:item/kab-blora:8313", item.GetProperty("id").GetString());
        Assert.Equal("https://kab-blora.kpu.go.id/blog/read/8313_rapat-pleno-terbuka-rekapitulasi", item.GetProperty("url").GetString());
        Assert.StartsWith("Rapat Pleno", item.GetProperty("title").GetString());
        Assert.StartsWith("<p>", item.GetProperty("content_html").GetString());
        Assert.StartsWith("KPU menggelar", item.GetProperty("summary").GetString());
        Assert.Equal("https://kab-blora.kpu.go.id/uploads/berita/8313.jpg", item.GetProperty("image").GetString());
        Assert.Equal("2026-01-05T00:00:00+07:00", item.GetProperty("date_published").GetString());
        Assert.Equal("2026-01-06T08:00:00+07:00", item.GetProperty("date_modified").GetString());
        Assert.Equal("Humas KPU", item.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(["KPU Kabupaten Blora", "Jawa Tengah", "Berita", "Pilkada"],
            item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Item_without_author_or_image_leaves_them_out()
    {
        var item = Render([Samples.Items(1)[0] with { Author = null, ImageUrl = null }]).GetProperty("items")[0];
        Assert.False(item.TryGetProperty("authors", out _));
        Assert.False(item.TryGetProperty("image", out _));
    }

    [Fact]
    public void Next_url_is_given_while_older_items_remain()
    {
        Assert.StartsWith("http://127.0.0.1:5080/feeds/all.json?limit=10&before=",
            Render(Samples.Items(30), limit: 10).GetProperty("next_url").GetString());
        Assert.False(Render(Samples.Items(10), limit: 10).TryGetProperty("next_url", out _));
    }

    [Fact]
    public void Titles_keep_markup_characters_non_BMP_and_RTL_text()
    {
        const string title = "Sosialisasi <Pilkada> & \"Pemilu\" 🗳️ زيارة";
        var item = Render([Samples.Items(1)[0] with { Title = title + "\u0007" }]).GetProperty("items")[0];
        Assert.Equal(title, item.GetProperty("title").GetString());
    }

    [Fact]
    public void An_archive_carries_its_links_in_the_rfc5005_extension_object()
    {
        var query = Samples.Query(format: FeedFormat.Json) with { Archive = Samples.Month("2025-12") };
        var page = Samples.Page(Samples.Items(3), query, [Samples.Month("2025-10"), Samples.Month("2025-12")]);
        var extension = JsonDocument.Parse(_writer.Write(page)).RootElement.GetProperty("_rfc5005");
        Assert.Equal(
            """{"about":"https://www.rfc-editor.org/rfc/rfc5005","archive":true,"current":"http://127.0.0.1:5080/feeds/all.json","prev-archive":"http://127.0.0.1:5080/feeds/archive/2025-10/all.json"}""",
            extension.GetRawText());
    }

    [Fact]
    public void The_live_feed_names_its_newest_archive_in_the_extension_object()
    {
        var page = Samples.Page(Samples.Items(3), Samples.Query(format: FeedFormat.Json), [Samples.Month("2025-12")]);
        var extension = JsonDocument.Parse(_writer.Write(page)).RootElement.GetProperty("_rfc5005");
        Assert.False(extension.GetProperty("archive").GetBoolean());
        Assert.Equal("http://127.0.0.1:5080/feeds/archive/2025-12/all.json", extension.GetProperty("prev-archive").GetString());
    }

    [Fact]
    public void A_feed_without_archives_has_no_extension_object() =>
        Assert.False(Render(Samples.Items(3)).TryGetProperty("_rfc5005", out _));
}
