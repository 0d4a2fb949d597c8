using FeedHub.Publishing;
using FeedHub.Storage;

namespace FeedHub.Tests.Publishing;

public class FeedQueryParserTests
{
    private static readonly string[] Known = Samples.Sources.Select(s => s.Id).ToArray();

    private static FeedQuery Parse(params (string Name, string? Value)[] query) =>
        FeedQueryParser.Parse(FeedScope.All, FeedFormat.Atom, query.ToDictionary(p => p.Name, p => p.Value), Known);

    [Fact]
    public void Defaults_to_fifty_newest_items_without_filters()
    {
        var query = Parse();
        Assert.Equal(50, query.Limit);
        Assert.Null(query.Before);
        Assert.Null(query.Text);
        Assert.Empty(query.SourceIds);
        Assert.Equal("", query.QueryString());
    }

    [Theory]
    [InlineData("q", "")]
    [InlineData("q", "   ")]
    [InlineData("q", "\"\" -- !!")]
    [InlineData("source", "")]
    [InlineData("source", "kab-blora,kab-atlantis")]
    [InlineData("category", " ")]
    [InlineData("since", "kemarin")]
    [InlineData("since", "2026-02-30")]
    [InlineData("since", "05-01-2026")]
    [InlineData("since", "2026-01-05T25:00")]
    [InlineData("since", "2026-01-05T10:00+15:00")]
    [InlineData("since", "２０２６-01-05")]
    [InlineData("limit", "0")]
    [InlineData("limit", "201")]
    [InlineData("limit", "-5")]
    [InlineData("limit", "ten")]
    [InlineData("limit", "")]
    [InlineData("before", "not-a-cursor!")]
    [InlineData("before", "bm9waXBl")]
    [InlineData("before", "")]
    public void Rejects_a_bad_value_with_a_message_naming_the_parameter(string name, string value)
    {
        var error = Assert.Throws<FeedQueryException>(() => Parse((name, value)));
        Assert.Equal(name, error.Parameter);
        Assert.Contains($"'{name}'", error.Message);
    }

    [Fact]
    public void Rejects_search_text_longer_than_200_characters() =>
        Assert.Equal("q", Assert.Throws<FeedQueryException>(() => Parse(("q", new string('a', 201)))).Parameter);

    [Fact]
    public void Rejects_search_text_of_more_than_20_terms()
    {
        var error = Assert.Throws<FeedQueryException>(() => Parse(("q", string.Join(' ', Enumerable.Range(0, 21).Select(i => $"w{i}")))));
        Assert.Equal("q", error.Parameter);
        Assert.Contains("21 terms; the limit is 20", error.Message);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T00:00:00+07:00")]
    [InlineData("9999-12-31T23:59:59-12:00")]
    public void Rejects_a_since_at_the_edge_of_the_calendar_naming_since(string since) =>
        Assert.Equal("since", Assert.Throws<FeedQueryException>(() => Parse(("since", since))).Parameter);

    [Fact]
    public void Rejects_more_than_50_sources()
    {
        var ids = string.Join(',', Enumerable.Range(0, 51).Select(i => $"kab-{i}"));
        Assert.Contains("51", Assert.Throws<FeedQueryException>(() => Parse(("source", ids))).Message);
    }

    [Fact]
    public void Rejects_a_category_longer_than_100_characters() =>
        Assert.Equal("category", Assert.Throws<FeedQueryException>(() => Parse(("category", new string('x', 101)))).Parameter);

    [Fact]
    public void Rejects_a_category_that_contradicts_the_category_feed()
    {
        var error = Assert.Throws<FeedQueryException>(() => FeedQueryParser.Parse(
            FeedScope.Category("Berita"), FeedFormat.Rss, new Dictionary<string, string?> { ["category"] = "Pengumuman" }, Known));
        Assert.Equal("category", error.Parameter);
    }

    [Fact]
    public void Ignores_unknown_parameters() =>
        Assert.Equal("", Parse(("utm_source", "wa"), ("_", "12345")).QueryString());

    [Fact]
    public void A_date_means_midnight_WIB() =>
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(7)), Parse(("since", "2026-01-05")).Since);

    [Theory]
    [InlineData("2026-01-05T08:30:00+07:00", 7)]
    [InlineData("2026-01-05T08:30:00 07:00", 7)]
    [InlineData("2026-01-05T08:30:00Z", 0)]
    [InlineData("2026-01-05T08:30", 7)]
    [InlineData("2026-01-05T08:30:00.250+08:00", 8)]
    public void Reads_a_date_time_with_its_offset_or_WIB(string since, int offsetHours)
    {
        var parsed = Parse(("since", since)).Since!.Value;
        Assert.Equal(TimeSpan.FromHours(offsetHours), parsed.Offset);
        Assert.Equal((8, 30), (parsed.Hour, parsed.Minute));
    }

    [Fact]
    public void Normalises_the_source_list_to_sorted_distinct_ids() =>
        Assert.Equal(["kab-blora", "kota-semarang"], Parse(("source", " kota-semarang,KAB-BLORA,kab-blora,")).SourceIds);

    [Fact]
    public void Reads_limit_and_search_text()
    {
        var query = Parse(("limit", "200"), ("q", "  rapat pleno  "));
        Assert.Equal(200, query.Limit);
        Assert.Equal("rapat pleno", query.Text);
    }

    [Fact]
    public void Reads_back_the_cursor_of_a_next_link()
    {
        var cursor = new ItemCursor(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(7)), "kab-blora:8313");
        var parsed = Parse(("before", PageCursor.Encode(cursor))).Before!;
        Assert.Equal(cursor.Published, parsed.Published);
        Assert.Equal(cursor.Id, parsed.Id);
    }

    [Theory]
    [InlineData("kab-grobogan:apel-padi-di-awal-agustus")]
    [InlineData("kota-semarang:pengumuman|lama")]
    [InlineData("jateng:ülkü-ٱ")]
    public void Cursor_round_trips_any_item_id(string id)
    {
        var cursor = new ItemCursor(new DateTimeOffset(2025, 8, 1, 7, 15, 30, 123, TimeSpan.FromHours(7)), id);
        Assert.True(PageCursor.TryDecode(PageCursor.Encode(cursor), out var back));
        Assert.Equal(cursor.Published, back.Published);
        Assert.Equal(id, back.Id);
    }

    [Theory]
    [InlineData("q", "pemilu")]
    [InlineData("source", "kab-blora")]
    [InlineData("category", "Berita")]
    [InlineData("since", "2025-11-20")]
    [InlineData("limit", "10")]
    [InlineData("before", "")]
    public void An_archive_refuses_every_feed_parameter_naming_it(string name, string value)
    {
        var error = Assert.Throws<FeedQueryException>(() => FeedQueryParser.ParseArchive(
            FeedScope.All, FeedFormat.Atom, Samples.Month("2025-11"), new Dictionary<string, string?> { [name] = value }));
        Assert.Equal(name, error.Parameter);
        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("/feeds/archive/2025-11/all.atom", error.Message);
    }

    [Fact]
    public void An_archive_ignores_unknown_parameters() =>
        Assert.Equal(new FeedQuery(FeedScope.All, FeedFormat.Rss) { Archive = Samples.Month("2025-11") },
            FeedQueryParser.ParseArchive(FeedScope.All, FeedFormat.Rss, Samples.Month("2025-11"),
                new Dictionary<string, string?> { ["utm_source"] = "wa", ["_"] = "1765339200" }));
}
