using System.Globalization;
using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Tests.Normalisation;

public class ItemNormaliserTests
{
    private static readonly Source Contoh = new()
    {
        Id = "kab-contoh",
        Name = "KPU Kabupaten Contoh",
        Region = "jawa-tengah",
        Url = new Uri("https://kab-contoh.kpu.go.id/"),
        Profile = new Profile { Name = "kpu" },
    };

    private const string ItemId = "kab-contoh:9012";
    private static readonly DateTimeOffset FirstCrawl = At("2026-01-05T14:20:00+07:00");
    private static readonly DateTimeOffset LaterCrawl = At("2026-01-06T09:00:00+07:00");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>The article of docs/kpu-sites.md §9c, as the extractor hands it over.</summary>
    private static ExtractedArticle Article(string body = "<p>Contoh, 4 Januari 2026 — Teks sintetis.</p><p>&nbsp;</p><p>dok. foto Peserta rapat</p><p>Teks sintetis. (HumasKPUContoh)</p>") => new()
    {
        Url = new Uri("https://kab-contoh.kpu.go.id/index.php/blog/read/9012_kpu-contoh-gelar-rapat?utm_source=fb"),
        Title = "KPU Contoh Gelar Rapat &amp;quot;Pleno&amp;quot;",
        ContentHtml = body,
        ImageUrl = "/images/blog_post/1767600000a1b2.jpg",
        CategoryLabel = " Sosialisasi ",
        Author = "HumasKPUContoh",
        Dates = [new DateCandidate(DateSource.BodyText, "Contoh, 4 Januari 2026 — Teks sintetis.")],
        Tags = ["#TemanPemilih", "Berita KPU", "#temanpemilih"],
    };

    private static KnownItem Known(Item item) => new(
        item.Id, "kpu-contoh-gelar-rapat", item.Link, item.ContentHash, null, item.Published, item.DateSource, item.FirstSeen, item.Version, item.Category, item.Title, item.ContentHtml);

    [Fact]
    public void Builds_a_clean_new_item()
    {
        var (item, change) = ItemNormaliser.Normalise(Article(), Contoh, ItemId, FirstCrawl, known: null);

        Assert.Equal(ItemChange.New, change);
        Assert.Equal(ItemId, item.Id);
        Assert.Equal("kab-contoh", item.SourceId);
        Assert.Equal("https://kab-contoh.kpu.go.id/blog/read/9012_kpu-contoh-gelar-rapat", item.Link);
        Assert.Equal("KPU Contoh Gelar Rapat \"Pleno\"", item.Title);
        Assert.Equal("<p>Contoh, 4 Januari 2026 — Teks sintetis.</p><p>dok. foto Peserta rapat</p><p>Teks sintetis. (HumasKPUContoh)</p>", item.ContentHtml);
        Assert.Equal("Contoh, 4 Januari 2026 — Teks sintetis. dok. foto Peserta rapat Teks sintetis. (HumasKPUContoh)", item.Summary);
        Assert.Equal("https://kab-contoh.kpu.go.id/images/blog_post/1767600000a1b2.jpg", item.ImageUrl);
        Assert.Equal("Sosialisasi", item.Category);
        Assert.Equal("HumasKPUContoh", item.Author);
        Assert.Equal(["TemanPemilih", "Berita KPU"], item.Tags);
        Assert.Equal(FirstCrawl, item.FirstSeen);
        Assert.Equal(1, item.Version);
        Assert.Null(item.Updated);
        Assert.Equal(ContentHash.Of(item.Link, item.Title, item.ContentHtml), item.ContentHash);
    }

    [Fact]
    public void Dates_a_new_item_from_its_body_in_the_source_zone()
    {
        var item = ItemNormaliser.Normalise(Article(), Contoh, ItemId, At("2026-01-05T07:20:00Z"), known: null).Item;

        Assert.Equal(DateSource.BodyText, item.DateSource);
        Assert.Equal(At("2026-01-04T12:00:00+07:00"), item.Published);
        Assert.Equal(TimeSpan.FromHours(7), item.Published.Offset);
    }

    [Fact]
    public void Dates_a_new_item_with_an_old_date_from_its_page()
    {
        var article = Article() with { Dates = [new DateCandidate(DateSource.BodyText, "Contoh, 5 Juni 2025 —")] };

        Assert.Equal(DateSource.BodyText, ItemNormaliser.Normalise(article, Contoh, ItemId, FirstCrawl, null).Item.DateSource);
    }

    [Fact]
    public void Leaves_an_item_whose_hash_is_the_same_unchanged()
    {
        var first = ItemNormaliser.Normalise(Article(), Contoh, ItemId, FirstCrawl, null).Item;

        var (again, change) = ItemNormaliser.Normalise(Article(), Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Unchanged, change);
        Assert.Equal(first with { Tags = [] }, again with { Tags = [] });
        Assert.Equal(first.Tags, again.Tags);
    }

    [Fact]
    public void Ignores_a_view_counter_change()
    {
        var first = ItemNormaliser.Normalise(Article(Article().ContentHtml + "<p>Telah dilihat 75 kali</p>"), Contoh, ItemId, FirstCrawl, null).Item;

        var again = ItemNormaliser.Normalise(Article(Article().ContentHtml + "<p>Telah dilihat 76 kali</p>"), Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Unchanged, again.Change);
        Assert.Equal(1, again.Item.Version);
        Assert.Null(again.Item.Updated);
    }

    [Fact]
    public void A_new_link_for_the_same_story_moves_it_without_a_new_version()
    {
        var first = ItemNormaliser.Normalise(Article(), Contoh, ItemId, FirstCrawl, null).Item;
        var relaunched = Article() with { Url = new Uri("https://kab-contoh.kpu.go.id/berita/baca/9012/kpu-contoh-gelar-rapat") };

        var (item, change) = ItemNormaliser.Normalise(relaunched, Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Moved, change);
        Assert.Equal("https://kab-contoh.kpu.go.id/berita/baca/9012/kpu-contoh-gelar-rapat", item.Link);
        Assert.Equal((1, (DateTimeOffset?)null, first.Published), (item.Version, item.Updated, item.Published));
    }

    [Fact]
    public void A_new_link_whose_template_serves_the_images_elsewhere_is_still_a_move()
    {
        var first = ItemNormaliser.Normalise(Article("<p>Contoh — Teks sintetis.</p><p><img src=\"/images/blog_post/content/rapat-1.jpg\"></p>"),
            Contoh, ItemId, FirstCrawl, null).Item;
        var relaunched = Article("<p>Contoh — Teks sintetis.</p><p><img src=\"/storage/media/rapat-1.webp\"></p>") with
        {
            Url = new Uri("https://kab-contoh.kpu.go.id/berita/baca/9012/kpu-contoh-gelar-rapat"),
        };

        var (item, change) = ItemNormaliser.Normalise(relaunched, Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Moved, change);
        Assert.Contains("/storage/media/rapat-1.webp", item.ContentHtml);
    }

    [Fact]
    public void A_new_link_with_edited_text_is_an_update()
    {
        var first = ItemNormaliser.Normalise(Article(), Contoh, ItemId, FirstCrawl, null).Item;
        var relaunched = Article("<p>Contoh, 4 Januari 2026 — Teks sintetis yang diperbaiki.</p>") with
        {
            Url = new Uri("https://kab-contoh.kpu.go.id/berita/baca/9012/kpu-contoh-gelar-rapat"),
        };

        var (item, change) = ItemNormaliser.Normalise(relaunched, Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Updated, change);
        Assert.Equal(2, item.Version);
    }

    [Fact]
    public void A_page_that_no_longer_shows_its_category_keeps_the_stored_one()
    {
        var first = ItemNormaliser.Normalise(Article(), Contoh, ItemId, FirstCrawl, null).Item;

        var (item, change) = ItemNormaliser.Normalise(Article() with { CategoryLabel = null, ListCategory = "Berita Terkini" },
            Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Unchanged, change);
        Assert.Equal("Sosialisasi", item.Category);
    }

    [Fact]
    public void A_page_without_a_category_takes_its_list_category()
    {
        var item = ItemNormaliser.Normalise(Article() with { CategoryLabel = null, ListCategory = "Berita Terkini" }, Contoh, ItemId, FirstCrawl, null).Item;

        Assert.Equal("Berita Terkini", item.Category);
    }

    [Fact]
    public void A_category_found_later_is_stored_without_a_new_version()
    {
        var first = ItemNormaliser.Normalise(Article() with { CategoryLabel = null }, Contoh, ItemId, FirstCrawl, null).Item;

        var (item, change) = ItemNormaliser.Normalise(Article() with { CategoryLabel = null, ListCategory = "Berita Terkini" },
            Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Moved, change);
        Assert.Equal(("Berita Terkini", 1), (item.Category, item.Version));
    }

    [Theory]
    [InlineData("<p>08 May 2020 | 0 Comments | By kpukabpati</p>")]
    [InlineData("<p><small>Rabu, 25 November 2026 · Dilihat 123 kali</small></p>")]
    [InlineData("<p>Telah dilihat 42 kali</p>")]
    [InlineData("<p>Dilihat 7 kali</p><p>&nbsp;</p>")]
    public void A_summary_skips_meta_lines(string metaLine)
    {
        var summary = ItemNormaliser.Normalise(Article(metaLine + "<p>Contoh, 4 Januari 2026 — Teks sintetis.</p>"), Contoh, ItemId, FirstCrawl, null).Item.Summary;

        Assert.Equal("Contoh, 4 Januari 2026 — Teks sintetis.", summary);
    }

    [Fact]
    public void A_meta_line_in_or_out_of_the_body_does_not_change_the_hash()
    {
        var plain = ItemNormaliser.Normalise(Article("<p><small>Rabu, 25 November 2026 · Dilihat 123 kali</small></p><p>Contoh, 4 Januari 2026 — Teks sintetis.</p>"),
            Contoh, ItemId, FirstCrawl, null).Item;
        var relaunched = ItemNormaliser.Normalise(Article("<p>Contoh, 4 Januari 2026 — Teks sintetis.</p>"), Contoh, ItemId, LaterCrawl, Known(plain));

        Assert.Equal(ItemChange.Unchanged, relaunched.Change);
    }

    [Fact]
    public void A_stored_hash_from_older_hashing_rules_is_no_edit_when_the_content_is_the_same()
    {
        var stored = ItemNormaliser.Normalise(Article(), Contoh, ItemId, FirstCrawl, null).Item;
        var hashedByAnOlderRelease = Known(stored) with { ContentHash = new string('0', 64) };

        var again = ItemNormaliser.Normalise(Article(), Contoh, ItemId, LaterCrawl, hashedByAnOlderRelease);

        Assert.Equal((ItemChange.Unchanged, stored.Version, (DateTimeOffset?)null), (again.Change, again.Item.Version, again.Item.Updated));
    }

    [Fact]
    public void Versions_a_real_edit_and_keeps_its_published_time()
    {
        var first = ItemNormaliser.Normalise(Article(), Contoh, ItemId, FirstCrawl, null).Item;
        var edited = Article("<p>Contoh, 4 Januari 2026 — Teks sintetis yang diperbaiki.</p>") with
        {
            Dates = [new DateCandidate(DateSource.BodyText, "Contoh, 5 Januari 2026 —")],
        };

        var (item, change) = ItemNormaliser.Normalise(edited, Contoh, ItemId, LaterCrawl, Known(first));

        Assert.Equal(ItemChange.Updated, change);
        Assert.Equal(2, item.Version);
        Assert.Equal(LaterCrawl, item.Updated);
        Assert.Equal(first.Published, item.Published);
        Assert.Equal(first.DateSource, item.DateSource);
        Assert.Equal(FirstCrawl, item.FirstSeen);
        Assert.NotEqual(first.ContentHash, item.ContentHash);
    }

    [Fact]
    public void Takes_the_first_body_image_when_the_extracted_image_is_inline_data()
    {
        var article = Article("<p>Teks</p><p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"/images/blog_post/b.jpg\"></p>")
            with { ImageUrl = "data:image/gif;base64,R0lGODlhAQABAAAAACw=" };

        Assert.Equal("https://kab-contoh.kpu.go.id/images/blog_post/b.jpg",
            ItemNormaliser.Normalise(article, Contoh, ItemId, FirstCrawl, null).Item.ImageUrl);
    }

    [Fact]
    public void Uses_a_feed_entry_summary_as_plain_text() =>
        Assert.Equal("Ringkasan dari feed.", ItemNormaliser.Normalise(
            Article() with { Summary = "<p>Ringkasan <b>dari</b> feed.</p><script>alert('x')</script>" },
            Contoh, ItemId, FirstCrawl, null).Item.Summary);

    [Fact]
    public void Cuts_a_long_summary_at_a_word_boundary()
    {
        var body = "<p>" + string.Join(' ', Enumerable.Repeat("Teks sintetis", 60)) + "</p>";

        var summary = ItemNormaliser.Normalise(Article(body), Contoh, ItemId, FirstCrawl, null).Item.Summary;

        Assert.True(summary.Length <= ItemNormaliser.SummaryLength, $"{summary.Length} characters");
        Assert.EndsWith("…", summary);
        Assert.DoesNotContain("  ", summary);
    }
}
