using FeedHub.Crawling;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Tests.Scheduling;

public class SchedulePolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    private static readonly Source Blora = ConfigLoader.Parse("""
        {
          "profiles": { "kpu-blog": { "listPath": "/index.php/blog/category/{category}" } },
          "sources": [ { "id": "kab-blora", "name": "KPU Kabupaten Blora", "region": "jawa-tengah",
                         "url": "https://kab-blora.kpu.go.id", "profile": "kpu-blog" } ]
        }
        """).Sources[0];

    private static SchedulePolicy Unjittered() => new(new FixedRandom(0.5));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Success_runs_again_one_interval_later_give_or_take_ten_percent(double draw)
    {
        var next = new SchedulePolicy(new FixedRandom(draw)).NextRun(Blora, consecutiveFailures: 0, retryAt: null, Now);

        Assert.InRange(next - Now, Interval * 0.9, Interval * 1.1);
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(4, 120)]
    [InlineData(5, 240)]
    [InlineData(6, 360)]
    [InlineData(7, 360)]
    [InlineData(1000, 360)]
    public void Failures_double_the_delay_up_to_six_hours(int failures, int minutes)
    {
        var next = Unjittered().NextRun(Blora, failures, retryAt: null, Now);

        Assert.Equal(TimeSpan.FromMinutes(minutes), next - Now);
    }

    [Fact]
    public void Upward_jitter_never_lifts_a_backoff_past_the_cap()
    {
        var next = new SchedulePolicy(new FixedRandom(0.999)).NextRun(Blora, consecutiveFailures: 9, retryAt: null, Now);

        Assert.Equal(SchedulePolicy.MaxBackoff, next - Now);
    }

    [Fact]
    public void A_source_polled_less_often_than_the_cap_backs_off_no_faster_than_its_interval()
    {
        var daily = Blora with { Interval = TimeSpan.FromDays(1) };

        var next = Unjittered().NextRun(daily, consecutiveFailures: 3, retryAt: null, Now);

        Assert.Equal(TimeSpan.FromDays(1), next - Now);
    }

    [Fact]
    public void Retry_after_later_than_the_backoff_sets_the_next_run()
    {
        var asked = Now.AddHours(2);

        Assert.Equal(asked, Unjittered().NextRun(Blora, consecutiveFailures: 1, asked, Now));
    }

    [Fact]
    public void Retry_after_sooner_than_the_backoff_does_not_shorten_it()
    {
        var next = Unjittered().NextRun(Blora, consecutiveFailures: 3, Now.AddMinutes(5), Now);

        Assert.Equal(Now.AddHours(1), next);
    }

    [Fact]
    public void Retry_after_of_a_week_is_held_to_six_hours()
    {
        var next = Unjittered().NextRun(Blora, consecutiveFailures: 1, Now.AddDays(7), Now);

        Assert.Equal(Now.AddHours(6), next);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.999)]
    public void A_source_never_run_starts_within_two_minutes(double draw)
    {
        var first = new SchedulePolicy(new FixedRandom(draw)).FirstRun(Blora, state: null, Now);

        Assert.InRange(first, Now, Now + SchedulePolicy.DefaultStartWindow);
    }

    [Fact]
    public void A_short_interval_bounds_the_spread_window()
    {
        var brisk = Blora with { Interval = TimeSpan.FromSeconds(30) };

        var first = new SchedulePolicy(new FixedRandom(0.999)).FirstRun(brisk, state: null, Now);

        Assert.InRange(first, Now, Now.AddSeconds(30));
    }

    [Fact]
    public void An_overdue_source_runs_soon_rather_than_at_its_missed_time()
    {
        var state = SourceState.New("kab-blora") with { NextDue = Now.AddDays(-1) };

        var first = Unjittered().FirstRun(Blora, state, Now);

        Assert.Equal(Now + SchedulePolicy.DefaultStartWindow / 2, first);
    }

    [Fact]
    public void A_stored_due_time_still_ahead_is_kept()
    {
        var state = SourceState.New("kab-blora") with { NextDue = Now.AddMinutes(9) };

        Assert.Equal(Now.AddMinutes(9), Unjittered().FirstRun(Blora, state, Now));
    }

    [Fact]
    public void A_failing_source_keeps_its_long_backoff_across_a_restart()
    {
        var state = SourceState.New("kab-blora") with { NextDue = Now.AddHours(5), ConsecutiveFailures = 6 };

        Assert.Equal(Now.AddHours(5), Unjittered().FirstRun(Blora, state, Now));
    }

    [Fact]
    public void A_due_time_beyond_a_shortened_interval_is_replanned_one_interval_ahead()
    {
        var state = SourceState.New("kab-blora") with { NextDue = Now.AddHours(6) };

        Assert.Equal(Now + Interval, Unjittered().FirstRun(Blora, state, Now));
    }

    [Fact]
    public void Thirty_six_new_sources_get_thirty_six_different_start_times_across_the_window()
    {
        var policy = new SchedulePolicy(new Random(36));

        var starts = Enumerable.Range(0, 36).Select(_ => policy.FirstRun(Blora, state: null, Now)).ToList();

        Assert.Equal(36, starts.Distinct().Count());
        Assert.All(starts, s => Assert.InRange(s, Now, Now + SchedulePolicy.DefaultStartWindow));
        Assert.True(starts.Max() - starts.Min() > TimeSpan.FromMinutes(1), $"starts span only {starts.Max() - starts.Min()}");
    }
}
