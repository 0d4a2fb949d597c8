using FeedHub.Monitoring;
using FeedHub.Storage;

namespace FeedHub.Tests.Monitoring;

public sealed class SourceHealthTests
{
    // 10 December 2025, 10:00 WIB.
    private static readonly DateTimeOffset Now = new(2025, 12, 10, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly QuietRule Rule = new();

    private static SourceState Succeeded(string id = "kab-blora") =>
        SourceState.New(id) with { LastAttempt = Now.AddMinutes(-10), LastSuccess = Now.AddMinutes(-10) };

    private static SourceActivity PostedEvery(TimeSpan gap, DateTimeOffset newest, int count = 12) =>
        new("kab-blora", [], 0, 0, new NewestItem("kab-blora:1", "Rapat Pleno DPT", newest, "https://kab-blora.kpu.go.id/blog/read/1_rapat"),
            Enumerable.Range(0, count).Select(i => newest - gap * i).ToList());

    [Fact]
    public void A_source_never_crawled_is_pending()
    {
        var health = SourceHealth.Evaluate(null, null, Now, Rule);

        Assert.Equal(SourceStatus.Pending, health.Status);
    }

    [Fact]
    public void A_fetch_failure_is_failing_since_the_start_of_the_streak()
    {
        var state = Succeeded() with
        {
            LastFailureKind = FailureKind.Fetch, ConsecutiveFailures = 3, FailingSince = Now.AddHours(-2),
            LastError = "GET https://kab-blora.kpu.go.id/index.php/blog/category/104: HTTP 500 Internal Server Error",
        };

        var health = SourceHealth.Evaluate(state, PostedEvery(TimeSpan.FromDays(1), Now.AddHours(-3)), Now, Rule);

        Assert.Equal(new SourceHealth(SourceStatus.Failing, state.LastError, Now.AddHours(-2)), health);
    }

    [Fact]
    public void An_extraction_failure_is_broken_extraction_even_when_the_source_is_also_quiet()
    {
        var state = Succeeded() with
        {
            LastFailureKind = FailureKind.Extraction, ConsecutiveFailures = 1, FailingSince = Now.AddMinutes(-10),
            LastError = "no article links — maintenance page or changed template?",
        };

        var health = SourceHealth.Evaluate(state, PostedEvery(TimeSpan.FromDays(1), Now.AddDays(-40)), Now, Rule);

        Assert.Equal(SourceStatus.BrokenExtraction, health.Status);
    }

    [Fact]
    public void A_successful_source_with_no_items_is_quiet()
    {
        var health = SourceHealth.Evaluate(Succeeded(), null, Now, Rule);

        Assert.Equal(SourceStatus.Quiet, health.Status);
    }

    [Fact]
    public void A_weekly_poster_two_days_after_its_last_post_is_ok()
    {
        var health = SourceHealth.Evaluate(Succeeded(), PostedEvery(TimeSpan.FromDays(7), Now.AddDays(-2)), Now, Rule);

        Assert.Equal(SourceStatus.Ok, health.Status);
    }

    [Fact]
    public void A_weekly_poster_silent_for_more_than_three_weeks_is_quiet_and_says_why()
    {
        var health = SourceHealth.Evaluate(Succeeded(), PostedEvery(TimeSpan.FromDays(7), Now.AddDays(-22)), Now, Rule);

        Assert.Equal(SourceStatus.Quiet, health.Status);
        Assert.Equal("no new item for 22 days (usual rhythm allows 21 days)", health.Reason);
    }

    [Fact]
    public void A_daily_poster_is_quiet_once_silent_longer_than_the_floor()
    {
        var health = SourceHealth.Evaluate(Succeeded(), PostedEvery(TimeSpan.FromDays(1), Now.AddDays(-4)), Now, Rule);

        Assert.Equal(SourceStatus.Quiet, health.Status);
    }

    [Fact]
    public void A_daily_poster_within_the_floor_is_ok()
    {
        var health = SourceHealth.Evaluate(Succeeded(), PostedEvery(TimeSpan.FromDays(1), Now.AddDays(-2.5)), Now, Rule);

        Assert.Equal(SourceStatus.Ok, health.Status);
    }
}
