using System.Globalization;
using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Sources;

namespace FeedHub.Tests.Normalisation;

public class PublishedDateResolverTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateParseContext SeenAt(string iso) => new(At(iso), TimeZones.Wib);

    [Fact]
    public void Prefers_the_highest_priority_candidate()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.Meta, "2025-10-06T09:15:00+07:00"), new(DateSource.BodyText, "Semarang, 5 Oktober 2025- Teks")],
            SeenAt("2025-10-06T12:00:00+07:00"));

        Assert.Equal(new ResolvedDate(At("2025-10-06T09:15:00+07:00"), DateSource.Meta), resolved);
    }

    [Fact]
    public void Reads_the_first_date_in_body_prose()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Semarang – Kamis (2/10) rapat membahas jadwal 1 Oktober 2025.")],
            SeenAt("2025-10-03T08:00:00+07:00"));

        Assert.Equal(new ResolvedDate(At("2025-10-02T12:00:00+07:00"), DateSource.BodyText), resolved);
    }

    [Fact]
    public void Places_a_date_without_a_time_at_noon_of_its_day()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.PageElement, "Rabu, 25 November 2026 · Dilihat 123 kali")], SeenAt("2026-12-05T10:00:00+07:00"));

        Assert.Equal(At("2026-11-25T12:00:00+07:00"), resolved.Published);
    }

    [Fact]
    public void Places_a_date_of_today_without_a_time_at_first_seen_when_that_is_before_noon() =>
        Assert.Equal(At("2026-12-05T09:10:00+07:00"), PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Blora, 5 Desember 2026 – Teks")], SeenAt("2026-12-05T09:10:00+07:00")).Published);

    [Fact]
    public void Falls_through_a_date_more_than_two_days_after_first_seen()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.PageElement, "12 Oktober 2025"), new(DateSource.BodyText, "Semarang, 6 Oktober 2025-")],
            SeenAt("2025-10-06T12:00:00+07:00"));

        Assert.Equal(DateSource.BodyText, resolved.Source);
        Assert.Equal(At("2025-10-06T12:00:00+07:00"), resolved.Published);
    }

    [Fact]
    public void Accepts_a_date_within_two_days_after_first_seen() =>
        Assert.Equal(DateSource.BodyText, PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Semarang, 7 Oktober 2025-")], SeenAt("2025-10-05T20:00:00+07:00")).Source);

    [Fact]
    public void Falls_through_an_unreadable_candidate() =>
        Assert.Equal(DateSource.Api, PublishedDateResolver.Resolve(
            [new(DateSource.Meta, "kemarin sore"), new(DateSource.Api, "2025-10-06 09:15:00")],
            SeenAt("2025-10-06T12:00:00+07:00")).Source);

    [Fact]
    public void Mends_a_year_typo_to_the_year_of_its_newer_neighbour()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Batang, Rabu, 5 April 2013 — Teks")],
            SeenAt("2023-04-09T15:00:00+07:00") with { Neighbour = At("2023-04-07T12:00:00+07:00") });

        Assert.Equal(new ResolvedDate(At("2023-04-05T12:00:00+07:00"), DateSource.BodyText), resolved);
    }

    [Fact]
    public void Mends_a_year_typo_to_the_year_before_when_the_neighbours_year_would_put_it_ahead()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Batang, 20 Desember 2013 — Teks")],
            SeenAt("2024-01-09T15:00:00+07:00") with { Neighbour = At("2024-01-03T12:00:00+07:00") });

        Assert.Equal(At("2023-12-20T12:00:00+07:00"), resolved.Published);
    }

    [Fact]
    public void Mends_a_year_typo_a_year_ahead_of_first_seen()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Wonosobo – 27 Desember 2024 Teks")], SeenAt("2023-12-28T19:00:00+07:00"));

        Assert.Equal(new ResolvedDate(At("2023-12-27T12:00:00+07:00"), DateSource.BodyText), resolved);
    }

    [Fact]
    public void Accepts_a_migrated_archive_date_years_older_than_its_newer_neighbour() =>
        Assert.Equal(At("2020-05-08T12:00:00+07:00"), PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "08 May 2020 | 0 Comments | By admin")],
            SeenAt("2026-01-05T10:00:00+07:00") with { Neighbour = At("2023-02-01T12:00:00+07:00") }).Published);

    [Fact]
    public void Never_mends_a_meta_date_to_the_year_of_an_older_story_above_it()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.Meta, "2025-12-10T05:00:00+07:00")],
            SeenAt("2025-12-10T10:00:00+07:00") with { Neighbour = At("2024-11-10T12:00:00+07:00") });

        Assert.Equal(new ResolvedDate(At("2025-12-10T05:00:00+07:00"), DateSource.Meta), resolved);
    }

    [Fact]
    public void Keeps_a_typed_date_years_newer_than_an_imported_story_above_it()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Blora, 9 Desember 2025 – Teks")],
            SeenAt("2025-12-10T10:00:00+07:00") with { Neighbour = At("2020-02-14T12:00:00+07:00") });

        Assert.Equal(new ResolvedDate(At("2025-12-09T12:00:00+07:00"), DateSource.BodyText), resolved);
    }

    [Fact]
    public void Accepts_a_date_months_old_on_a_first_crawl()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Kudus, 4 Oktober 2025 —")], SeenAt("2026-01-05T10:00:00+07:00"));

        Assert.Equal(new ResolvedDate(At("2025-10-04T12:00:00+07:00"), DateSource.BodyText), resolved);
    }

    [Fact]
    public void Accepts_a_date_under_thirty_days_old() =>
        Assert.Equal(DateSource.BodyText, PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Kudus, 8 Desember 2025 —")], SeenAt("2026-01-05T10:00:00+07:00")).Source);

    [Fact]
    public void Accepts_a_migrated_archive_date_from_a_wordpress_meta_line()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "08 May 2020 | 0 Comments | By kpukabpati")], SeenAt("2026-01-05T10:00:00+07:00"));

        Assert.Equal(new ResolvedDate(At("2020-05-08T12:00:00+07:00"), DateSource.BodyText), resolved);
    }

    [Fact]
    public void Accepts_a_date_months_older_than_its_newer_neighbour() =>
        Assert.Equal(DateSource.BodyText, PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Rabu, 5 April 2023")],
            SeenAt("2026-01-05T10:00:00+07:00") with { Neighbour = At("2024-01-20T12:00:00+07:00") }).Source);

    [Fact]
    public void Rejects_dates_over_twenty_years_old_even_on_backfill() =>
        Assert.Equal(DateSource.FirstSeen, PublishedDateResolver.Resolve(
            [new(DateSource.BodyText, "Semarang, 5 April 1999 —")], SeenAt("2026-01-05T10:00:00+07:00")).Source);

    [Fact]
    public void Gives_the_published_time_in_the_source_zone()
    {
        var resolved = PublishedDateResolver.Resolve(
            [new(DateSource.Meta, "2025-10-06T02:15:00Z")], SeenAt("2025-10-06T12:00:00+07:00"));

        Assert.Equal(TimeSpan.FromHours(7), resolved.Published.Offset);
        Assert.Equal(new DateTime(2025, 10, 6, 9, 15, 0), resolved.Published.DateTime);
    }

    [Fact]
    public void Falls_back_to_first_seen_in_the_source_zone()
    {
        var resolved = PublishedDateResolver.Resolve([], new DateParseContext(At("2025-10-06T01:00:00Z"), TimeZones.Wita));

        Assert.Equal(DateSource.FirstSeen, resolved.Source);
        Assert.Equal(At("2025-10-06T01:00:00Z"), resolved.Published);
        Assert.Equal(TimeSpan.FromHours(8), resolved.Published.Offset);
    }
}
