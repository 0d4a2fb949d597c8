using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class FeedPageTests
{
    [Fact]
    public void Source_feed_is_titled_for_its_regency_and_mirrors_its_site()
    {
        var page = Samples.Page(Samples.Items(3), Samples.Query(FeedScope.Source("kab-blora")));
        Assert.Equal("KPU Kabupaten Blora", page.Title);
        Assert.Equal("https://kab-blora.kpu.go.id/", page.Alternate.AbsoluteUri);
        Assert.Equal("tag:feedhub,2026:feeds/kab-blora", page.Id);
    }

    [Fact]
    public void Region_feed_is_titled_with_the_region_name() =>
        Assert.Equal("Wilayah Jawa Tengah — FeedHub", Samples.Page([], Samples.Query(FeedScope.Region("jawa-tengah"))).Title);

    [Fact]
    public void The_combined_feed_says_its_title_and_its_description_once_each()
    {
        var page = Samples.Page([], Samples.Query());

        Assert.Equal("Semua sumber — FeedHub", page.Title);
        Assert.Equal("Berita situs-situs KPU daerah, dikumpulkan oleh FeedHub.", page.Description);
    }

    [Fact]
    public void A_source_feed_describes_where_its_news_comes_from() =>
        Assert.Equal("Berita dari kab-blora.kpu.go.id, dikumpulkan oleh FeedHub.",
            Samples.Page([], Samples.Query(FeedScope.Source("kab-blora"))).Description);

    [Fact]
    public void Empty_page_takes_the_fallback_update_time_and_has_no_next_link()
    {
        var page = Samples.Page([], Samples.Query());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, Samples.Wib), page.Updated);
        Assert.Null(page.Next);
        Assert.Empty(page.Entries);
    }

    [Fact]
    public void Updated_is_the_newest_change_among_the_entries()
    {
        var items = Samples.Items(3).ToList();
        items[2] = items[2] with { Updated = new DateTimeOffset(2026, 1, 9, 8, 0, 0, Samples.Wib) };
        Assert.Equal(new DateTimeOffset(2026, 1, 9, 8, 0, 0, Samples.Wib), Samples.Page(items, Samples.Query()).Updated);
    }

    [Fact]
    public void Items_of_sources_no_longer_configured_are_left_out()
    {
        var items = Samples.Items(2).Append(Samples.Item("kab-lama", 1, new DateTimeOffset(2020, 1, 1, 0, 0, 0, Samples.Wib))).ToList();
        Assert.Equal(2, Samples.Page(items, Samples.Query()).Entries.Count);
    }

    [Fact]
    public void Next_link_keeps_the_filters_and_starts_below_the_last_entry()
    {
        var query = FeedQueryParser.Parse(FeedScope.Region("jawa-tengah"), FeedFormat.Rss,
            new Dictionary<string, string?> { ["q"] = "rapat", ["limit"] = "5" }, []);
        var page = Samples.Page(Samples.Items(10), query);
        var last = page.Entries[^1].Item;
        Assert.Equal($"http://127.0.0.1:5080/feeds/region/jawa-tengah.rss?q=rapat&limit=5&before={PageCursor.Encode(new(last.Published, last.Id))}",
            page.Next!.AbsoluteUri);
    }

    private static readonly ArchiveMonth[] Archives = [Samples.Month("2025-12"), Samples.Month("2025-09"), Samples.Month("2025-10")];

    private static FeedQuery Archive(string month, FeedScope? scope = null, FeedFormat format = FeedFormat.Atom) =>
        Samples.Query(scope, format) with { Archive = Samples.Month(month) };

    [Fact]
    public void The_live_feed_links_its_newest_archive_as_prev_archive_and_is_no_archive()
    {
        var page = Samples.Page(Samples.Items(3), Samples.Query(FeedScope.Region("jawa-tengah")), Archives);
        Assert.Equal("http://127.0.0.1:5080/feeds/archive/2025-12/region/jawa-tengah.atom", page.PrevArchive!.AbsoluteUri);
        Assert.Null(page.NextArchive);
        Assert.Null(page.Current);
        Assert.False(page.IsArchive);
    }

    [Fact]
    public void Every_page_of_the_live_feed_links_the_newest_archive()
    {
        var query = Samples.Query(limit: 2) with { Before = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, Samples.Wib), "jateng:1") };
        Assert.Equal("http://127.0.0.1:5080/feeds/archive/2025-12/all.atom", Samples.Page(Samples.Items(5), query, Archives).PrevArchive!.AbsoluteUri);
    }

    [Fact]
    public void A_live_feed_without_archives_has_no_prev_archive() =>
        Assert.Null(Samples.Page(Samples.Items(3), Samples.Query()).PrevArchive);

    [Fact]
    public void A_filtered_feed_links_no_archive_as_the_archives_hold_unfiltered_items()
    {
        var query = FeedQueryParser.Parse(FeedScope.All, FeedFormat.Atom, new Dictionary<string, string?> { ["q"] = "rapat" }, []);
        Assert.Null(Samples.Page(Samples.Items(3), query, Archives).PrevArchive);
    }

    [Fact]
    public void An_archive_links_the_live_feed_as_current_and_its_nearest_months_either_side()
    {
        var page = Samples.Page([], Archive("2025-10", FeedScope.Source("kab-blora"), FeedFormat.Rss), Archives);
        Assert.True(page.IsArchive);
        Assert.Equal("http://127.0.0.1:5080/feeds/archive/2025-10/kab-blora.rss", page.Self.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/feeds/kab-blora.rss", page.Current!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/feeds/archive/2025-09/kab-blora.rss", page.PrevArchive!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/feeds/archive/2025-12/kab-blora.rss", page.NextArchive!.AbsoluteUri);
    }

    [Fact]
    public void The_oldest_archive_has_no_prev_archive_and_the_newest_no_next_archive()
    {
        Assert.Null(Samples.Page([], Archive("2025-09"), Archives).PrevArchive);
        Assert.Null(Samples.Page([], Archive("2025-12"), Archives).NextArchive);
    }

    [Fact]
    public void An_archive_holds_every_item_it_is_given_and_has_no_next_page()
    {
        var page = Samples.Page(Samples.Items(120), Archive("2026-01"), [Samples.Month("2026-01")]);
        Assert.Equal(120, page.Entries.Count);
        Assert.Null(page.Next);
    }

    [Fact]
    public void An_archive_shares_the_feed_id_and_names_its_month_in_the_title()
    {
        var page = Samples.Page([], Archive("2025-10", FeedScope.Region("jawa-tengah")), Archives);
        Assert.Equal("tag:feedhub,2026:feeds/region/jawa-tengah", page.Id);
        Assert.Equal("Wilayah Jawa Tengah (arsip 2025-10) — FeedHub", page.Title);
    }
}
