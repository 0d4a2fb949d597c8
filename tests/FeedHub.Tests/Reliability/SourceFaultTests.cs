using System.Net;
using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Storage;
using FeedHub.Tests.Fixtures;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// One fault per test through the real pipeline, three fixture sites at once: the faulty source fails
/// with a reason that names the cause, the other two store a new article in the same pass, nothing stored
/// before changes by a byte, and the next healthy pass works again.
/// </summary>
public sealed class SourceFaultTests
{
    private const string NewTitle = "KPU Gelar Rapat Koordinasi Persiapan Pilkada Serentak";

    private static Task<IReadOnlyList<FeedHub.Normalisation.Item>> StoredAsync(CrawlRig rig) =>
        rig.Db.Items.QueryAsync(new FeedHub.Storage.ItemFilter { SourceIds = [rig.Site(0).Id], Limit = 500 }, CancellationToken.None);

    [Theory]
    [InlineData(SiteMode.ServerError, "HTTP 500")]
    [InlineData(SiteMode.Timeout, "timed out after 2 s")]
    [InlineData(SiteMode.Hang, "timed out after 2 s")]
    [InlineData(SiteMode.Maintenance, "no article links — maintenance page or changed template?")]
    public Task A_site_outage_fails_only_that_source_and_loses_nothing(SiteMode mode, string reason) =>
        FaultFailsOnlyItsSource(site => site.Mode = mode, heal: site => site.Mode = SiteMode.Normal, reason);

    [Theory]
    [InlineData(SiteFault.SlowDrip, "timed out after 2 s")]
    [InlineData(SiteFault.TruncatedBody, "failed:")]
    [InlineData(SiteFault.RedirectLoop, "redirect loop")]
    [InlineData(SiteFault.RedirectToPrivateAddress, "10.0.0.1, a private or local address")]
    [InlineData(SiteFault.OversizedBody, "body exceeds the 5 MB cap")]
    [InlineData(SiteFault.TenMegabytePage, "Content-Length of 10485760 bytes exceeds the 5 MB cap")]
    [InlineData(SiteFault.EmptyOk, "no article links")]
    [InlineData(SiteFault.DeepNesting, "markup nested more than 512 levels deep")]
    public Task A_faulty_response_fails_only_that_source_and_loses_nothing(SiteFault fault, string reason) =>
        FaultFailsOnlyItsSource(site => site.Fault = fault, heal: site => site.Fault = SiteFault.None, reason);

    [Fact]
    public async Task Too_many_requests_reports_the_retry_time_and_loses_nothing()
    {
        await using var rig = await CrawlRig.StartAsync();
        await rig.CrawlAsync();
        var before = rig.ItemRows();
        rig.Site(0).Fault = SiteFault.TooManyRequests;

        var reports = await rig.CrawlAsync();

        var report = rig.ReportOf(reports, rig.Site(0).Id);
        Assert.Equal(CrawlOutcome.Failed, report.Outcome);
        Assert.Contains("HTTP 429", report.Error);
        Assert.Contains("retry after 120 s", report.Error);
        Assert.Equal(CrawlRig.Now + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(120), report.RetryAt);
        Assert.All(reports.Where(r => r != report), r => Assert.Equal(CrawlOutcome.Ok, r.Outcome));
        Assert.Equal(before, rig.ItemRows());
    }

    [Fact]
    public async Task An_article_link_that_404s_fails_the_source_by_name_and_keeps_its_stored_items()
    {
        await using var rig = await CrawlRig.StartAsync();
        await rig.CrawlAsync();
        var before = rig.ItemRows();
        var lost = rig.Site(0).Publish(NewTitle, "Teks sintetis.", FarmFixture.Now.AddMinutes(-5));
        rig.Site(0).Fault = SiteFault.ArticlesNotFound;

        var report = rig.ReportOf(await rig.CrawlAsync(), rig.Site(0).Id);

        Assert.Equal(CrawlOutcome.Failed, report.Outcome);
        Assert.Contains("none of 1 article page(s) could be read", report.Error);
        Assert.Contains(lost.Slug, report.Error);
        Assert.Contains("HTTP 404", report.Error);
        Assert.Equal(before, rig.ItemRows());
    }

    [Theory]
    [InlineData(SiteFault.UnknownCharset)]
    [InlineData(SiteFault.MissingCharset)]
    [InlineData(SiteFault.ByteOrderMark)]
    public async Task A_charset_fault_still_decodes_new_articles_as_utf8(SiteFault fault)
    {
        await using var rig = await CrawlRig.StartAsync();
        await rig.CrawlAsync();
        var before = rig.ItemRows();
        const string title = "Sosialisasi “Ayo Memilih” di Kecamatan Tengaran – Pemilih Pemula Antusias";
        rig.Site(0).Publish(title, "Teks sintetis dengan kata é dan ü.", FarmFixture.Now.AddMinutes(-5));
        rig.Site(0).Fault = fault;

        var report = rig.ReportOf(await rig.CrawlAsync(), rig.Site(0).Id);

        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
        Assert.Equal(1, report.New);
        var added = Assert.Single(await StoredAsync(rig), i => i.Title == title);
        Assert.Contains("é dan ü", added.ContentHtml);
        AssertUnchanged(before, rig.ItemRows());
    }

    [Fact]
    public async Task A_page_claiming_windows_1252_whose_bytes_are_utf8_is_read_as_utf8_with_its_title_and_category()
    {
        await using var rig = await CrawlRig.StartAsync();
        await rig.CrawlAsync();
        var categories = (await StoredAsync(rig)).Where(i => i.SourceId == rig.Site(0).Id).Select(i => i.Category).Distinct().ToList();
        const string title = "“Sosialisasi” – Pemilu Serentak di Kecamatan Tengaran";
        rig.Site(0).Publish(title, "Teks sintetis dengan kata é dan ü.", FarmFixture.Now.AddMinutes(-5));
        rig.Site(0).Fault = SiteFault.CharsetLie;

        var report = rig.ReportOf(await rig.CrawlAsync(), rig.Site(0).Id);

        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
        var added = Assert.Single(await StoredAsync(rig), i => i.Title == title);
        Assert.Contains(added.Category, categories);
        Assert.Contains("é dan ü", added.ContentHtml);
    }

    [Fact]
    public async Task Invalid_utf8_becomes_replacement_characters_not_a_failure()
    {
        await using var rig = await CrawlRig.StartAsync();
        await rig.CrawlAsync();
        var before = rig.ItemRows();
        rig.Site(0).Publish(NewTitle, "Teks sintetis.", FarmFixture.Now.AddMinutes(-5));
        rig.Site(0).Fault = SiteFault.InvalidUtf8;

        var report = rig.ReportOf(await rig.CrawlAsync(), rig.Site(0).Id);

        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
        Assert.Equal(1, report.New);
        Assert.Single(await StoredAsync(rig), i => i.Title.StartsWith(NewTitle, StringComparison.Ordinal));
        AssertUnchanged(before, rig.ItemRows());
    }

    [Theory]
    [InlineData(true, "reset")]
    [InlineData(false, "timed out")]
    public async Task A_connection_reset_or_a_connect_never_answered_fails_only_that_source(bool reset, string reason)
    {
        var address = IPAddress.Parse("127.0.3.1");
        await using var fault = reset ? TcpFault.Resetting(address) : TcpFault.Unaccepting(address);
        await using var rig = await CrawlRig.StartAsync(extra: ("kab-rusak", fault.BaseUri));

        var reports = await rig.CrawlAsync();

        var report = rig.ReportOf(reports, "kab-rusak");
        Assert.Equal(CrawlOutcome.Failed, report.Outcome);
        Assert.Contains(reason, report.Error, StringComparison.OrdinalIgnoreCase);
        Assert.All(reports.Where(r => r != report), r => Assert.True(r.Outcome == CrawlOutcome.Ok && r.New > 0, r.Summary));
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_fails_only_that_source()
    {
        await using var rig = await CrawlRig.StartAsync(extra: ("kab-hilang", new Uri("http://kab-hilang.invalid/")));

        var reports = await rig.CrawlAsync();

        var report = rig.ReportOf(reports, "kab-hilang");
        Assert.Equal(CrawlOutcome.Failed, report.Outcome);
        Assert.Equal(FailureKind.Fetch, report.FailureKind);
        Assert.Contains("kab-hilang.invalid", report.Error);
        Assert.All(reports.Where(r => r != report), r => Assert.True(r.Outcome == CrawlOutcome.Ok && r.New > 0, r.Summary));
        var state = await rig.Db.States.GetAsync("kab-hilang", CancellationToken.None);
        Assert.Equal(1, state!.ConsecutiveFailures);
    }

    /// <summary>Healthy pass, then the fault on site 0 while site 1 publishes, then the fault healed.</summary>
    private static async Task FaultFailsOnlyItsSource(Action<FixtureSite> inject, Action<FixtureSite> heal, string reason)
    {
        await using var rig = await CrawlRig.StartAsync();
        var first = await rig.CrawlAsync();
        Assert.All(first, r => Assert.True(r.Outcome == CrawlOutcome.Ok && r.New > 0, r.Summary));
        var before = rig.ItemRows();
        var faulty = rig.Site(0);
        rig.Site(1).Publish(NewTitle, "Teks sintetis.", FarmFixture.Now.AddMinutes(-5));
        inject(faulty);

        var reports = await rig.CrawlAsync();

        var report = rig.ReportOf(reports, faulty.Id);
        Assert.Equal(CrawlOutcome.Failed, report.Outcome);
        Assert.Contains(reason, report.Error);
        Assert.Contains(faulty.BaseUri.Authority, report.Error);
        Assert.Equal(1, rig.ReportOf(reports, rig.Site(1).Id).New);
        Assert.True(rig.ReportOf(reports, rig.Site(2).Id).Outcome == CrawlOutcome.Ok);
        var after = rig.ItemRows();
        Assert.Equal(before.Count + 1, after.Count);
        AssertUnchanged(before, after);
        Assert.Equal(1, (await rig.Db.States.GetAsync(faulty.Id, CancellationToken.None))!.ConsecutiveFailures);

        heal(faulty);
        var healed = rig.ReportOf(await rig.CrawlAsync(), faulty.Id);
        Assert.Equal(CrawlOutcome.Ok, healed.Outcome);
        Assert.Equal(0, (await rig.Db.States.GetAsync(faulty.Id, CancellationToken.None))!.ConsecutiveFailures);
    }

    /// <summary>Every row of <paramref name="before"/> is still there, unchanged; new rows may have been added.</summary>
    private static void AssertUnchanged(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var now = after.ToHashSet();
        var changed = before.Where(row => !now.Contains(row)).ToList();
        Assert.True(changed.Count == 0, "changed rows:\n" + string.Join("\n", changed.Select(row =>
        {
            var key = row[..row.IndexOf('\u001F')];
            var old = row.Split('\u001F');
            var current = after.FirstOrDefault(a => a.StartsWith(key + '\u001F', StringComparison.Ordinal))?.Split('\u001F') ?? [];
            return key + ": " + string.Join(" | ", old.Where(c => !current.Contains(c)).Select(c => c.Length > 120 ? c[..120] : c))
                + " → " + string.Join(" | ", current.Where(c => !old.Contains(c)).Select(c => c.Length > 120 ? c[..120] : c));
        })));
    }
}
