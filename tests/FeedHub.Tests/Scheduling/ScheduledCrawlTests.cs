using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Storage;
using FeedHub.Tests.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Tests.Scheduling;

/// <summary>The worker's schedule against fixture sites, with a fake clock standing in for the hours that pass.</summary>
public class ScheduledCrawlTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Jitter_spreads_the_first_requests_of_each_site_over_the_start_window()
    {
        await using var rig = await WorkerRig.StartAsync(random: new Random(11));

        await rig.PlanAsync();
        await rig.RunUntilAsync(WorkerRig.Start + SchedulePolicy.DefaultStartWindow);

        var firstRequests = rig.Farm.Log.All.GroupBy(r => r.SiteId).Select(g => g.Min(r => r.StartedAt)).ToList();
        Assert.Equal(rig.Sources.Count, firstRequests.Count);
        Assert.Equal(rig.Sources.Count, firstRequests.Distinct().Count());
        Assert.All(firstRequests, at => Assert.InRange(at, WorkerRig.Start, WorkerRig.Start + SchedulePolicy.DefaultStartWindow));
    }

    [Fact]
    public async Task A_failing_site_is_retried_ever_later_up_to_six_hours_and_one_success_resets_it()
    {
        await using var rig = await WorkerRig.StartAsync(sites: 2, random: new FixedRandom(0.5));
        var broken = rig.Farm.Sites[0];
        broken.Mode = SiteMode.ServerError;
        await rig.PlanAsync();

        var delays = new List<TimeSpan>();
        while (delays.Count < 8)
            foreach (var run in await rig.StepAsync())
                if (run.Report.SourceId == broken.Id) delays.Add(run.NextDue - rig.Clock.GetUtcNow());
        broken.Mode = SiteMode.Normal;
        var recovered = await RunOnceAsync(rig, broken.Id);

        Assert.Equal(new[] { 15, 30, 60, 120, 240, 360, 360, 360 }.Select(m => TimeSpan.FromMinutes(m)), delays);
        Assert.Equal(CrawlOutcome.Ok, recovered.Report.Outcome);
        Assert.Equal(Interval, recovered.NextDue - rig.Clock.GetUtcNow());
        Assert.Equal(0, (await rig.States.GetAsync(broken.Id))!.ConsecutiveFailures);
    }

    [Fact]
    public async Task Retry_after_on_a_503_moves_the_next_run_to_the_time_the_site_asked_for()
    {
        await using var rig = await WorkerRig.StartAsync(sites: 1, random: new FixedRandom(0.5));
        await using var busy = await TestSite.StartAsync("127.0.0.77", app => app.Run(context =>
        {
            if (context.Request.Path == "/robots.txt") context.Response.StatusCode = StatusCodes.Status404NotFound;
            else
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "3600";
            }
            return Task.CompletedTask;
        }));
        var source = rig.Sources[0] with { Id = "kab-sibuk", Url = busy.BaseUrl };
        rig.Outbound.Allow([busy.BaseUrl]);
        rig.Configure([source]);
        await rig.PlanAsync();
        await rig.StepAsync();
        var askedAt = rig.Clock.GetUtcNow();

        rig.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await rig.RunDueAsync();

        Assert.Equal(askedAt.AddHours(1), rig.Due["kab-sibuk"]);
        Assert.Equal(askedAt.AddHours(1), (await rig.States.GetAsync("kab-sibuk"))!.NextDue);
        Assert.Empty(early);
    }

    [Fact]
    public async Task A_restart_resumes_the_stored_due_times()
    {
        await using var rig = await WorkerRig.StartAsync();
        await rig.PlanAsync();
        await RunEachOnceAsync(rig);
        var before = rig.Due.ToDictionary();

        rig.Restart();
        await rig.PlanAsync();

        Assert.Equal(before, rig.Due.ToDictionary());
    }

    [Fact]
    public async Task After_hours_of_downtime_each_overdue_site_runs_once_spread_out_not_in_a_burst()
    {
        await using var rig = await WorkerRig.StartAsync(random: new Random(3));
        await rig.PlanAsync();
        await RunEachOnceAsync(rig);

        rig.Clock.Advance(TimeSpan.FromHours(5));
        rig.Restart();
        rig.Farm.Log.Clear();
        var restartedAt = rig.Clock.GetUtcNow();
        await rig.PlanAsync();
        var runs = await rig.RunUntilAsync(restartedAt + Interval * 0.5);

        Assert.All(rig.Sources, s => Assert.Single(runs, r => r.Report.SourceId == s.Id));
        var firstRequests = rig.Farm.Log.All.GroupBy(r => r.SiteId).Select(g => g.Min(r => r.StartedAt)).ToList();
        Assert.Equal(rig.Sources.Count, firstRequests.Distinct().Count());
        Assert.All(firstRequests, at => Assert.InRange(at, restartedAt, restartedAt + SchedulePolicy.DefaultStartWindow));
    }

    [Fact]
    public async Task An_article_published_on_a_site_is_stored_within_one_interval()
    {
        await using var rig = await WorkerRig.StartAsync();
        await rig.PlanAsync();
        await RunEachOnceAsync(rig);
        var site = rig.Farm.Sites[2];
        var publishedAt = rig.Clock.GetUtcNow();
        var article = site.Publish("KPU Gelar Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih Berkelanjutan",
            "Komisi Pemilihan Umum menggelar rapat pleno terbuka rekapitulasi daftar pemilih berkelanjutan.", publishedAt);

        await rig.RunUntilAsync(publishedAt + Interval * (1 + SchedulePolicy.JitterFraction));

        var stored = await rig.Items.QueryAsync(new ItemFilter { SourceIds = [site.Id], Limit = 50 }, CancellationToken.None);
        Assert.Contains(stored, item => item.Title == article.Title);
    }

    [Fact]
    public async Task Sources_sharing_a_host_never_overlap_their_requests()
    {
        await using var rig = await WorkerRig.StartAsync(sites: 3, categories: [104, 105], random: new FixedRandom(0));
        rig.Configure(rig.Sources.SelectMany(s => new[]
        {
            s with { Id = s.Id + "-berita", Categories = [104] },
            s with { Id = s.Id + "-sosialisasi", Categories = [105] },
            s with { Id = s.Id + "-semua" },
        }).ToList());
        await rig.PlanAsync();

        var runs = await rig.RunDueAsync();

        Assert.Equal(9, runs.Count);
        Assert.All(runs, r => Assert.Equal(CrawlOutcome.Ok, r.Report.Outcome));
        Assert.Equal(1, rig.Farm.Log.MaxConcurrencyPerHost());
        Assert.True(rig.Farm.Log.MinGapPerHost() > TimeSpan.Zero, $"closest requests to one host: {rig.Farm.Log.MinGapPerHost()}");
    }

    private static async Task RunEachOnceAsync(WorkerRig rig)
    {
        var ran = new HashSet<string>();
        while (ran.Count < rig.Sources.Count)
            foreach (var run in await rig.StepAsync())
                ran.Add(run.Report.SourceId);
    }

    private static async Task<ScheduledRun> RunOnceAsync(WorkerRig rig, string sourceId)
    {
        while (true)
            foreach (var run in await rig.StepAsync())
                if (run.Report.SourceId == sourceId) return run;
    }
}
