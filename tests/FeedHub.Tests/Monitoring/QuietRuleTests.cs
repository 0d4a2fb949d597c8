using FeedHub.Monitoring;

namespace FeedHub.Tests.Monitoring;

public sealed class QuietRuleTests
{
    private static readonly DateTimeOffset Start = new(2025, 9, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private static IReadOnlyList<DateTimeOffset> At(params double[] days) => days.Select(d => Start.AddDays(d)).ToList();

    [Fact]
    public void Allows_three_median_gaps_of_silence()
    {
        Assert.Equal(TimeSpan.FromDays(21), new QuietRule().AllowedSilence(At(0, 7, 14, 21, 28)));
    }

    [Fact]
    public void One_long_holiday_gap_does_not_move_the_median()
    {
        Assert.Equal(TimeSpan.FromDays(6), new QuietRule().AllowedSilence(At(0, 2, 4, 6, 40, 42)));
    }

    [Fact]
    public void Takes_the_mean_of_the_two_middle_gaps_when_their_count_is_even()
    {
        Assert.Equal(TimeSpan.FromDays(15), new QuietRule().AllowedSilence(At(0, 4, 10, 30, 32)));
    }

    [Fact]
    public void Never_allows_less_than_the_floor()
    {
        var rule = new QuietRule { Floor = TimeSpan.FromDays(5) };

        Assert.Equal(TimeSpan.FromDays(5), rule.AllowedSilence(At(0, 0.5, 1, 1.5)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Falls_back_to_the_floor_without_two_items(int count)
    {
        Assert.Equal(TimeSpan.FromDays(3), new QuietRule().AllowedSilence(At([.. Enumerable.Repeat(0.0, count)])));
    }

    [Fact]
    public void Uses_the_configured_multiplier()
    {
        Assert.Equal(TimeSpan.FromDays(14), new QuietRule { Multiplier = 2 }.AllowedSilence(At(0, 7, 14)));
    }

    [Fact]
    public void Reads_published_times_in_any_order()
    {
        Assert.Equal(TimeSpan.FromDays(21), new QuietRule().AllowedSilence(At(28, 0, 14, 7, 21)));
    }
}
