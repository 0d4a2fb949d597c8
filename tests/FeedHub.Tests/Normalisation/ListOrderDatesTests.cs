using FeedHub.Extraction;
using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

/// <summary>Undated items take an estimated date from their place between dated neighbours on the list.</summary>
public sealed class ListOrderDatesTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Crawl = new(2026, 12, 5, 10, 0, 0, Wib);

    private static Item At(string id, DateTimeOffset? stated) => new()
    {
        Id = id,
        SourceId = "kab-blora",
        Link = $"https://kab-blora.kpu.go.id/blog/read/{id}",
        Title = id,
        ContentHtml = "<p>Teks.</p>",
        Summary = "Teks.",
        Published = stated ?? Crawl,
        DateSource = stated is null ? DateSource.FirstSeen : DateSource.BodyText,
        FirstSeen = Crawl,
        ContentHash = id,
    };

    private static IReadOnlyList<Item> Estimate(params Item[] listed) =>
        ListOrderDates.Estimate(listed, i => i.DateSource == DateSource.FirstSeen, Crawl);

    [Fact]
    public void Undated_items_between_two_dated_neighbours_are_spread_evenly_between_them()
    {
        var newer = new DateTimeOffset(2026, 10, 20, 0, 0, 0, Wib);
        var older = new DateTimeOffset(2026, 10, 8, 0, 0, 0, Wib);

        var dated = Estimate(At("a", newer), At("b", null), At("c", null), At("d", older));

        Assert.Equal([DateSource.BodyText, DateSource.ListOrder, DateSource.ListOrder, DateSource.BodyText], dated.Select(i => i.DateSource));
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 0, 0, 0, Wib), dated[1].Published);
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 0, 0, 0, Wib), dated[2].Published);
    }

    [Fact]
    public void An_undated_item_at_the_head_of_a_list_of_months_old_news_is_placed_just_above_its_neighbour_not_at_the_crawl()
    {
        var older = new DateTimeOffset(2026, 8, 1, 0, 0, 0, Wib);

        var dated = Estimate(At("a", null), At("b", older));

        Assert.Equal(DateSource.ListOrder, dated[0].DateSource);
        Assert.InRange(dated[0].Published, older, older + ListOrderDates.EndGap);
    }

    [Fact]
    public void An_undated_item_at_the_tail_takes_its_newer_neighbours_date_since_the_next_page_may_hold_that_day_too()
    {
        var newer = new DateTimeOffset(2020, 5, 8, 0, 0, 0, Wib);

        var dated = Estimate(At("a", newer), At("b", null));

        Assert.Equal((DateSource.ListOrder, newer), (dated[1].DateSource, dated[1].Published));
    }

    [Fact]
    public void An_undated_item_heading_a_backfilled_page_stays_below_the_stored_story_listed_above_it()
    {
        var above = new DateTimeOffset(2026, 8, 1, 6, 0, 0, Wib);
        var older = new DateTimeOffset(2026, 8, 1, 0, 0, 0, Wib);

        var dated = ListOrderDates.Estimate([At("a", null), At("b", older)], i => i.DateSource == DateSource.FirstSeen, Crawl, newer: above);

        Assert.Equal(DateSource.ListOrder, dated[0].DateSource);
        Assert.InRange(dated[0].Published, older, above);
    }

    [Fact]
    public void A_list_with_no_dated_item_keeps_first_seen()
    {
        var dated = Estimate(At("a", null), At("b", null));

        Assert.All(dated, i => Assert.Equal((DateSource.FirstSeen, Crawl), (i.DateSource, i.Published)));
    }

    [Fact]
    public void Items_the_caller_does_not_accept_are_never_redated()
    {
        var listed = new[] { At("a", new DateTimeOffset(2026, 10, 20, 0, 0, 0, Wib)), At("b", null), At("c", new DateTimeOffset(2026, 10, 8, 0, 0, 0, Wib)) };

        var dated = ListOrderDates.Estimate(listed, _ => false, Crawl);

        Assert.Equal(listed, dated);
    }

    [Fact]
    public void An_estimate_keeps_the_items_offset()
    {
        var dated = Estimate(At("a", new DateTimeOffset(2026, 10, 20, 0, 0, 0, Wib)), At("b", null), At("c", new DateTimeOffset(2026, 10, 8, 0, 0, 0, Wib)));

        Assert.Equal(Wib, dated[1].Published.Offset);
    }
}
