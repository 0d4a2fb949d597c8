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
        Assert.Equal("FeedHub: wilayah Jawa Tengah", Samples.Page([], Samples.Query(FeedScope.Region("jawa-tengah"))).Title);

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
}
