using System.Globalization;
using FeedHub.Normalisation;
using FeedHub.Sources;

namespace FeedHub.Tests.Normalisation;

public class IndonesianDateParserTests
{
    /// <summary>A first-seen far from every example, so bare dates come out at 00:00.</summary>
    private static readonly DateParseContext Wib = new(At("2026-01-20T10:00:00+07:00"), TimeZones.Wib);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>Instant and offset together: DateTimeOffset equality alone ignores the offset.</summary>
    private static string Exact(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Parse(string text, DateParseContext ctx)
    {
        Assert.True(IndonesianDateParser.TryParse(text, ctx, out var value), $"no date read from '{text}'");
        return Exact(value);
    }

    [Theory]
    // docs/kpu-sites.md §5, verbatim
    [InlineData("Rabu (29/3/2023)", "2023-03-29T00:00:00+07:00")]
    [InlineData("(24/03/2024)", "2024-03-24T00:00:00+07:00")]
    [InlineData("Kamis, 15 Januari 2026", "2026-01-15T00:00:00+07:00")]
    [InlineData("Senin, (2 Juni 2024)", "2024-06-02T00:00:00+07:00")]
    [InlineData("Semarang, 6 Oktober 2025-", "2025-10-06T00:00:00+07:00")]
    [InlineData("Wonosobo – 11 Desember 2025", "2025-12-11T00:00:00+07:00")]
    [InlineData("Bondowoso, [8/12/2025] –", "2025-12-08T00:00:00+07:00")]
    [InlineData("08 May 2020", "2020-05-08T00:00:00+07:00")]
    [InlineData("17 Dec 2019", "2019-12-17T00:00:00+07:00")]
    [InlineData("Rabu, 5 April 2013", "2013-04-05T00:00:00+07:00")]
    [InlineData("27 Desember 2024", "2024-12-27T00:00:00+07:00")]
    // docs/kpu-sites.md §4 and §9 contexts
    [InlineData("Batang, 8 Desember 2025 —", "2025-12-08T00:00:00+07:00")]
    [InlineData("08 May 2020 | 0 Comments | By kpukabpati", "2020-05-08T00:00:00+07:00")]
    [InlineData("Contoh – Teks sintetis, Senin (5/1/2026). (HumasKPUContoh)", "2026-01-05T00:00:00+07:00")]
    [InlineData("Contoh, 5 Januari 2026 — Teks sintetis.", "2026-01-05T00:00:00+07:00")]
    [InlineData("05 Jan 2026", "2026-01-05T00:00:00+07:00")]
    [InlineData("Kamis, 2 Oktober 2025 — Teks sintetis.", "2025-10-02T00:00:00+07:00")]
    // English month first
    [InlineData("May 8, 2020", "2020-05-08T00:00:00+07:00")]
    [InlineData("December 17 2019", "2019-12-17T00:00:00+07:00")]
    // separators after the date
    [InlineData("Semarang, 6 Oktober 2025–", "2025-10-06T00:00:00+07:00")]
    [InlineData("Semarang, 6 Oktober 2025— Komisi", "2025-10-06T00:00:00+07:00")]
    [InlineData("Blora, 29/3/2023 - Teks", "2023-03-29T00:00:00+07:00")]
    [InlineData("Blora [29/03/2023] — Teks", "2023-03-29T00:00:00+07:00")]
    // dashes or dots instead of slashes, as date elements print them
    [InlineData("Tanggal: 01-12-2025", "2025-12-01T00:00:00+07:00")]
    [InlineData("Selasa, 01.12.2025 10:00", "2025-12-01T10:00:00+07:00")]
    public void Reads_observed_date_forms(string text, string expected) =>
        Assert.Equal(expected, Parse(text, Wib));

    [Theory]
    [InlineData("1 Januari 2025", 1)]
    [InlineData("1 Februari 2025", 2)]
    [InlineData("1 Maret 2025", 3)]
    [InlineData("1 April 2025", 4)]
    [InlineData("1 Mei 2025", 5)]
    [InlineData("1 Juni 2025", 6)]
    [InlineData("1 Juli 2025", 7)]
    [InlineData("1 Agustus 2025", 8)]
    [InlineData("1 September 2025", 9)]
    [InlineData("1 Oktober 2025", 10)]
    [InlineData("1 November 2025", 11)]
    [InlineData("1 Nopember 2025", 11)]
    [InlineData("1 Desember 2025", 12)]
    [InlineData("1 Jan 2025", 1)]
    [InlineData("1 Feb 2025", 2)]
    [InlineData("1 Mar 2025", 3)]
    [InlineData("1 Apr 2025", 4)]
    [InlineData("1 Jun 2025", 6)]
    [InlineData("1 Jul 2025", 7)]
    [InlineData("1 Agu 2025", 8)]
    [InlineData("1 Agt 2025", 8)]
    [InlineData("1 Ags 2025", 8)]
    [InlineData("1 Sep 2025", 9)]
    [InlineData("1 Sept 2025", 9)]
    [InlineData("1 Okt 2025", 10)]
    [InlineData("1 Nov 2025", 11)]
    [InlineData("1 Nop 2025", 11)]
    [InlineData("1 Des 2025", 12)]
    [InlineData("1 January 2025", 1)]
    [InlineData("1 February 2025", 2)]
    [InlineData("1 March 2025", 3)]
    [InlineData("1 May 2025", 5)]
    [InlineData("1 June 2025", 6)]
    [InlineData("1 July 2025", 7)]
    [InlineData("1 August 2025", 8)]
    [InlineData("1 Aug 2025", 8)]
    [InlineData("1 October 2025", 10)]
    [InlineData("1 Oct 2025", 10)]
    [InlineData("1 December 2025", 12)]
    [InlineData("1 Dec 2025", 12)]
    [InlineData("1 DESEMBER 2025", 12)]
    [InlineData("1 okt. 2025", 10)]
    public void Reads_every_month_name_and_abbreviation(string text, int month)
    {
        Assert.True(IndonesianDateParser.TryParse(text, Wib, out var value));
        Assert.Equal(new DateTime(2025, month, 1), value.DateTime);
    }

    [Theory]
    [InlineData("Senin, 1 Desember 2025")]
    [InlineData("Selasa, 1 Desember 2025")]
    [InlineData("Rabu, 1 Desember 2025")]
    [InlineData("Kamis 1 Desember 2025")]
    [InlineData("Jumat, 1 Desember 2025")]
    [InlineData("Jum'at, 1 Desember 2025")]
    [InlineData("Jum’at (1/12/2025)")]
    [InlineData("Sabtu, 1 Desember 2025")]
    [InlineData("Minggu, (1 Desember 2025)")]
    [InlineData("Ahad, 1 Desember 2025")]
    [InlineData("Monday, 1 December 2025")]
    [InlineData("Mon, 01 Dec 2025")]
    public void Ignores_weekday_names(string text) =>
        Assert.Equal("2025-12-01T00:00:00+07:00", Parse(text, Wib));

    [Theory]
    [InlineData("Semarang, 6 Oktober 2025 10:30 WIB", "2025-10-06T10:30:00+07:00")]
    [InlineData("Kamis, 2 Oktober 2025 pukul 14.00 WITA", "2025-10-02T14:00:00+08:00")]
    [InlineData("Jayapura, 2 Oktober 2025, 09:15 WIT", "2025-10-02T09:15:00+09:00")]
    [InlineData("Rabu (29/3/2023) pukul 09.00 WIB", "2023-03-29T09:00:00+07:00")]
    [InlineData("Kamis, 2 Oktober 2025 pukul 14.00", "2025-10-02T14:00:00+07:00")]
    [InlineData("2 Oktober 2025 jam 08:05:30 wib", "2025-10-02T08:05:30+07:00")]
    public void Reads_time_of_day_and_Indonesian_zones(string text, string expected) =>
        Assert.Equal(expected, Parse(text, Wib));

    [Theory]
    [InlineData("2025-10-06T09:15:00+07:00", "2025-10-06T09:15:00+07:00")]
    [InlineData("2025-10-06T02:15:00Z", "2025-10-06T02:15:00+00:00")]
    [InlineData("2025-10-06T02:15:00.000000Z", "2025-10-06T02:15:00+00:00")]
    [InlineData("2025-10-06T09:15+0700", "2025-10-06T09:15:00+07:00")]
    [InlineData("2025-10-06 09:15:00", "2025-10-06T09:15:00+07:00")]
    [InlineData("2025-10-06", "2025-10-06T00:00:00+07:00")]
    [InlineData("Mon, 06 Oct 2025 02:15:00 GMT", "2025-10-06T02:15:00+00:00")]
    [InlineData("Mon, 06 Oct 2025 09:15:00 +0700", "2025-10-06T09:15:00+07:00")]
    [InlineData("Sun, 05 Oct 2025 22:15:00 EDT", "2025-10-05T22:15:00-04:00")]
    public void Reads_ISO_8601_RFC_3339_and_RFC_1123(string text, string expected) =>
        Assert.Equal(expected, Parse(text, Wib));

    [Fact]
    public void Uses_the_context_zone_for_dates_without_one()
    {
        var wita = new DateParseContext(At("2026-01-20T10:00:00+08:00"), TimeZones.Wita);
        Assert.Equal("2025-10-02T00:00:00+08:00", Parse("Kamis, 2 Oktober 2025", wita));
        Assert.Equal("2025-10-02T14:00:00+08:00", Parse("Kamis, 2 Oktober 2025 pukul 14.00", wita));
    }

    [Fact]
    public void Gives_a_bare_date_on_the_first_seen_day_the_first_seen_time() =>
        Assert.Equal("2026-01-05T14:20:00+07:00",
            Parse("Contoh – Teks sintetis, Senin (5/1/2026).", new DateParseContext(At("2026-01-05T14:20:00+07:00"), TimeZones.Wib)));

    [Fact]
    public void Compares_the_first_seen_day_in_the_source_zone_not_in_UTC()
    {
        // 18:00 UTC on the 4th is already 01:00 WIB on the 5th.
        var ctx = new DateParseContext(At("2026-01-04T18:00:00Z"), TimeZones.Wib);
        Assert.Equal("2026-01-05T01:00:00+07:00", Parse("Contoh, 5 Januari 2026 —", ctx));
    }

    [Fact]
    public void Gives_a_bare_date_on_another_day_midnight_in_the_zone() =>
        Assert.Equal("2026-01-04T00:00:00+07:00",
            Parse("Contoh, 4 Januari 2026 —", new DateParseContext(At("2026-01-05T14:20:00+07:00"), TimeZones.Wib)));

    [Theory]
    [InlineData("Kamis (2/10)", "2025-10-03T08:00:00+07:00", "2025-10-02T00:00:00+07:00")]
    [InlineData("Minggu (16/11)", "2025-11-17T09:00:00+07:00", "2025-11-16T00:00:00+07:00")]
    [InlineData("Contoh (2/10) – Teks sintetis.", "2025-10-03T08:00:00+07:00", "2025-10-02T00:00:00+07:00")]
    [InlineData("Selasa [30/12] —", "2026-01-02T08:00:00+07:00", "2025-12-30T00:00:00+07:00")]
    [InlineData("(30/12)", "2026-01-02T08:00:00+07:00", "2025-12-30T00:00:00+07:00")]
    [InlineData("(3/1)", "2026-01-02T08:00:00+07:00", "2026-01-03T00:00:00+07:00")]
    [InlineData("(4/1)", "2026-01-02T08:00:00+07:00", "2025-01-04T00:00:00+07:00")]
    [InlineData("(29/2)", "2025-03-10T08:00:00+07:00", "2024-02-29T00:00:00+07:00")]
    public void Infers_a_missing_year_from_first_seen(string text, string firstSeen, string expected) =>
        Assert.Equal(expected, Parse(text, new DateParseContext(At(firstSeen), TimeZones.Wib)));

    [Theory]
    [InlineData("31/2/2025")]
    [InlineData("Rabu (29/13/2023)")]
    [InlineData("(0/5/2025)")]
    [InlineData("32 Januari 2025")]
    [InlineData("30 Februari 2024")]
    [InlineData("29 Februari 2025")]
    [InlineData("(30/2)")]
    [InlineData("Kamis, 2 Oktober 2025 pukul 25.00 WIB")]
    public void Rejects_invalid_dates(string text) =>
        Assert.False(IndonesianDateParser.TryParse(text, Wib, out _));

    [Theory]
    [InlineData("Sesuai UU Nomor 7/2017 tentang Pemilu")]
    [InlineData("Peserta 1/2 hari")]
    [InlineData("Rapat 2/10 di aula")]
    [InlineData("Pukul 10:30 WIB")]
    [InlineData("Tanggal 2/10/25")]
    [InlineData("Versi 1.2.2025-3")]
    [InlineData("Rasio 12-10/2025")]
    [InlineData("Pemilu 2024 berjalan lancar")]
    [InlineData("")]
    public void Finds_no_date_where_there_is_none(string text) =>
        Assert.False(IndonesianDateParser.TryParse(text, Wib, out _));

    [Fact]
    public void Finds_every_date_in_prose_in_reading_order()
    {
        const string prose = "Semarang, 6 Oktober 2025- Rapat pleno (4/10) membahas hasil 31/2/2025 dan 08 May 2020.";
        var found = IndonesianDateParser.FindAll(prose, Wib).ToList();

        Assert.Equal(["2025-10-06T00:00:00+07:00", "2025-10-04T00:00:00+07:00", "2020-05-08T00:00:00+07:00"],
            found.Select(f => Exact(f.Value)));
        Assert.Equal("6 Oktober 2025", prose.Substring(found[0].Index, found[0].Length));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    [InlineData("id-ID")]
    [InlineData("th-TH")]
    public void Does_not_depend_on_the_current_culture(string culture)
    {
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal("2026-01-15T10:30:00+07:00", Parse("Kamis, 15 Januari 2026 pukul 10.30 WIB", Wib));
            Assert.Equal("2023-03-29T00:00:00+07:00", Parse("Rabu (29/3/2023)", Wib));
            Assert.Equal("2020-05-08T00:00:00+07:00", Parse("May 8, 2020", Wib));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00+07:00")]
    [InlineData("9999-12-31T23:00:00-14:00")]
    [InlineData("2025-10-06T10:00:00+14:59")]
    [InlineData("1 Januari 0001")]
    public void An_impossible_instant_is_no_date_rather_than_an_exception(string text)
    {
        Assert.False(IndonesianDateParser.TryParse(text, Wib, out _));
        Assert.Empty(IndonesianDateParser.FindAll("Semarang, " + text + ". Teks sintetis.", Wib));
    }
}

[CollectionDefinition(nameof(MachineZoneChanges), DisableParallelization = true)]
public sealed class MachineZoneChanges;

[Collection(nameof(MachineZoneChanges))]
public class IndonesianDateParserZoneTests
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("UTC")]
    public void Does_not_depend_on_the_machine_time_zone(string machineZone)
    {
        var original = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", machineZone);
            TimeZoneInfo.ClearCachedData();
            Assert.Equal(machineZone, TimeZoneInfo.Local.Id);

            var ctx = new DateParseContext(new DateTimeOffset(2026, 1, 5, 7, 20, 0, TimeSpan.Zero), TimeZones.Wib);
            Assert.True(IndonesianDateParser.TryParse("Wonosobo – 11 Desember 2025", ctx, out var bare));
            Assert.True(IndonesianDateParser.TryParse("Senin (5/1/2026)", ctx, out var sameDay));
            Assert.True(IndonesianDateParser.TryParse("2025-10-06 09:15:00", ctx, out var iso));

            Assert.Equal(new DateTimeOffset(2025, 12, 11, 0, 0, 0, TimeSpan.FromHours(7)), bare);
            Assert.Equal(TimeSpan.FromHours(7), bare.Offset);
            Assert.Equal(new DateTimeOffset(2026, 1, 5, 14, 20, 0, TimeSpan.FromHours(7)), sameDay);
            Assert.Equal(TimeSpan.FromHours(7), sameDay.Offset);
            Assert.Equal(new DateTimeOffset(2025, 10, 6, 9, 15, 0, TimeSpan.FromHours(7)), iso);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", original);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
