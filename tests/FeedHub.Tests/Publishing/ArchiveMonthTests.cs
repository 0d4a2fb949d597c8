using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class ArchiveMonthTests
{
    [Theory]
    [InlineData("2025-11-30T16:59:59Z", "2025-11")]
    [InlineData("2025-11-30T17:00:00Z", "2025-12")]
    [InlineData("2025-11-30T18:00:00Z", "2025-12")]
    [InlineData("2025-12-01T00:30:00+08:00", "2025-11")]
    [InlineData("2025-12-31T23:59:00+07:00", "2025-12")]
    public void An_instant_belongs_to_its_calendar_month_in_WIB(string instant, string month) =>
        Assert.Equal(month, ArchiveMonth.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void A_month_runs_from_midnight_WIB_on_its_first_day_to_midnight_WIB_on_the_next_month_first_day()
    {
        var december = Samples.Month("2025-12");
        Assert.Equal(new DateTimeOffset(2025, 11, 30, 17, 0, 0, TimeSpan.Zero), december.Start);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero), december.End);
        Assert.Equal(TimeSpan.FromHours(7), december.Start.Offset);
    }

    [Theory]
    [InlineData("2025-11")]
    [InlineData("2026-01")]
    [InlineData("0002-01")]
    [InlineData("9998-12")]
    public void Reads_back_its_canonical_form(string text)
    {
        Assert.True(ArchiveMonth.TryParse(text, out var month));
        Assert.Equal(text, month.ToString());
    }

    [Theory]
    [InlineData("2025-1")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-11-01")]
    [InlineData("25-11")]
    [InlineData("2025/11")]
    [InlineData(" 2025-11")]
    [InlineData("")]
    [InlineData("0001-01")]
    [InlineData("9999-12")]
    public void Rejects_anything_but_a_canonical_month_whose_bounds_fit(string text) =>
        Assert.False(ArchiveMonth.TryParse(text, out _));

    [Fact]
    public void Months_order_by_year_then_month()
    {
        Assert.True(Samples.Month("2025-12") < Samples.Month("2026-01"));
        Assert.True(Samples.Month("2025-11") > Samples.Month("2025-10"));
    }
}
