using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class FeedQueryTests
{
    private static readonly string[] Known = Samples.Sources.Select(s => s.Id).ToArray();

    private static FeedQuery Parse(FeedScope scope, params (string Name, string? Value)[] query) =>
        FeedQueryParser.Parse(scope, FeedFormat.Json, query.ToDictionary(p => p.Name, p => p.Value), Known);

    [Fact]
    public void Region_feed_reads_the_sources_of_that_region()
    {
        var sources = Samples.Sources.Append(Samples.Source("bali") with { Region = "bali" }).ToList();
        var filter = Parse(FeedScope.Region("jawa-tengah")).ToFilter(sources);
        Assert.Equal(36, filter.SourceIds!.Count);
        Assert.DoesNotContain("bali", filter.SourceIds);
    }

    [Fact]
    public void Source_filter_narrows_a_region_feed()
    {
        var filter = Parse(FeedScope.Region("jawa-tengah"), ("source", "kab-blora")).ToFilter(Samples.Sources);
        Assert.Equal(["kab-blora"], filter.SourceIds);
    }

    [Fact]
    public void A_source_feed_and_a_foreign_source_filter_match_nothing() =>
        Assert.Empty(Parse(FeedScope.Source("kab-pati"), ("source", "kab-blora")).ToFilter(Samples.Sources).SourceIds!);

    [Fact]
    public void Combined_feed_without_source_filter_reads_every_source() =>
        Assert.Null(Parse(FeedScope.All).ToFilter(Samples.Sources).SourceIds);

    [Fact]
    public void Category_feed_filters_on_its_category() =>
        Assert.Equal("Pengumuman", Parse(FeedScope.Category("Pengumuman")).ToFilter(Samples.Sources).Category);

    [Fact]
    public void Passes_limit_since_and_cursor_to_the_store()
    {
        var cursor = PageCursor.Encode(new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "kab-kudus:8313"));
        var filter = Parse(FeedScope.All, ("limit", "10"), ("since", "2025-12-01"), ("before", cursor)).ToFilter(Samples.Sources);
        Assert.Equal(10, filter.Limit);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)), filter.Since);
        Assert.Equal("kab-kudus:8313", filter.Before!.Id);
    }

    [Theory]
    [InlineData("pemilu")]
    [InlineData("\"daftar pemilih\" blora")]
    [InlineData("pemilu OR NOT col:x*")]
    public void Search_text_reaches_the_store_as_typed_for_it_to_quote(string q) =>
        Assert.Equal(q, Parse(FeedScope.All, ("q", q)).ToFilter(Samples.Sources).Text);

    [Fact]
    public void Equal_requests_in_any_parameter_order_share_one_cache_key()
    {
        var a = Parse(FeedScope.All, ("q", "pemilu"), ("source", "kab-blora,kab-pati"), ("limit", "20"), ("utm", "x"));
        var b = Parse(FeedScope.All, ("limit", "20"), ("source", "kab-pati,kab-blora"), ("q", " pemilu "));
        Assert.Equal(a.CacheKey, b.CacheKey);
    }

    [Fact]
    public void Cache_key_tells_formats_scopes_and_cursors_apart()
    {
        var atom = Parse(FeedScope.All) with { Format = FeedFormat.Atom };
        var keys = new[]
        {
            atom.CacheKey,
            (atom with { Format = FeedFormat.Rss }).CacheKey,
            (atom with { Scope = FeedScope.Source("kab-blora") }).CacheKey,
            (atom with { Before = new(DateTimeOffset.UnixEpoch, "kab-blora:1") }).CacheKey,
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Query_string_is_canonical_and_escaped() =>
        Assert.Equal("?q=rapat%20pleno&source=kab-blora&since=2026-01-05T00%3A00%3A00%2B07%3A00&limit=10",
            Parse(FeedScope.All, ("limit", "10"), ("since", "2026-01-05"), ("source", "kab-blora"), ("q", "rapat pleno")).QueryString());

    [Fact]
    public void Feed_id_ignores_paging_but_keeps_filters()
    {
        var first = Parse(FeedScope.Source("kab-blora"), ("q", "pemilu"));
        var later = first with { Limit = 10, Before = new(DateTimeOffset.UnixEpoch, "kab-blora:1") };
        Assert.Equal("tag:feedhub,2026:feeds/kab-blora?q=pemilu", first.FeedId());
        Assert.Equal(first.FeedId(), later.FeedId());
    }
}
