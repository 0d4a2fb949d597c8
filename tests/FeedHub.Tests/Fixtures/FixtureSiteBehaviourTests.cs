using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FeedHub.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Fixtures;

/// <summary>Modes, robots, counters, validators and mutations: each test stages its own small farm.</summary>
public sealed class FixtureSiteBehaviourTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(FarmFixture.Now);
    private readonly HttpClient http = new();
    private FixtureFarm farm = null!;

    private FixtureSite Site => farm.Sites[0];

    public async Task InitializeAsync() =>
        farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 3, Now = FarmFixture.Now, Clock = clock });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await farm.DisposeAsync();
    }

    [Fact]
    public async Task Server_error_mode_answers_500()
    {
        Site.Mode = SiteMode.ServerError;
        using var response = await http.GetAsync(Site.ListUri(104));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Maintenance_mode_answers_200_without_article_links()
    {
        Site.Mode = SiteMode.Maintenance;
        var html = await http.Get(Site.ListUri(104));
        Assert.Contains("dalam pemeliharaan", html);
        Assert.DoesNotContain("/blog/read/", html);
    }

    [Fact]
    public async Task Redesign_mode_lists_articles_under_a_new_url_scheme_only()
    {
        Site.Mode = SiteMode.Redesign;
        var list = await http.Get(Site.ListUri(104));
        Assert.DoesNotContain("/blog/read/", list);
        Assert.Contains($"href=\"/post/{Site.Articles[0].Slug}\"", list);
        Assert.Contains(WebUtility.HtmlEncode(Site.Articles[0].Title), await http.Get(new Uri(Site.BaseUri, $"/post/{Site.Articles[0].Slug}")));
    }

    [Fact]
    public async Task Timeout_mode_sends_nothing_until_the_client_gives_up()
    {
        Site.Mode = SiteMode.Timeout;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync(Site.ListUri(104), giveUp.Token));
        Assert.Equal(0, Assert.Single(farm.Log.For(Site.Id)).Status);
    }

    [Fact]
    public async Task Hang_mode_sends_headers_then_never_finishes_the_body()
    {
        Site.Mode = SiteMode.Hang;
        using var response = await http.GetAsync(Site.ListUri(104), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => response.Content.ReadAsStringAsync(giveUp.Token));
    }

    [Theory]
    [InlineData(RobotsMode.AllowAll, HttpStatusCode.OK, "Disallow:\n")]
    [InlineData(RobotsMode.DisallowSome, HttpStatusCode.OK, "Disallow: /admin/")]
    [InlineData(RobotsMode.DisallowAll, HttpStatusCode.OK, "Disallow: /\n")]
    [InlineData(RobotsMode.NotFound, HttpStatusCode.NotFound, "")]
    public async Task Robots_txt_follows_the_robots_mode(RobotsMode mode, HttpStatusCode status, string line)
    {
        Site.Robots = mode;
        using var response = await http.GetAsync(new Uri(Site.BaseUri, "/robots.txt"));
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(line, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task View_counters_change_between_two_requests()
    {
        Site.Markup = MarkupVariant.Polo;
        Site.List = ListVariant.B;
        var counter = new Regex("<span class=\"post-meta-comments\">(\\d+)</span>");
        var first = counter.Match(await http.Get(Site.ListUri(104))).Groups[1].Value;
        var second = counter.Match(await http.Get(Site.ListUri(104))).Groups[1].Value;
        Assert.NotEqual("", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Csrf_token_and_cache_busters_change_between_two_requests()
    {
        var token = new Regex("<meta name=\"csrf-token\" content=\"(\\w+)\">");
        var buster = new Regex("style\\.css\\?v=(\\w+)");
        var first = await http.Get(Site.ListUri(104));
        var second = await http.Get(Site.ListUri(104));
        Assert.NotEqual(token.Match(first).Groups[1].Value, token.Match(second).Groups[1].Value);
        Assert.NotEqual(buster.Match(first).Groups[1].Value, buster.Match(second).Groups[1].Value);
    }

    [Theory]
    [InlineData(MarkupVariant.Polo, "class=\"post-item\"")]
    [InlineData(MarkupVariant.OtherClasses, "class=\"news-card\"")]
    public async Task Markup_variant_sets_the_class_names(MarkupVariant variant, string expected)
    {
        Site.Markup = variant;
        Assert.Contains(expected, await http.Get(Site.ListUri(104)));
    }

    [Fact]
    public async Task No_classes_variant_has_no_class_or_id_attributes_anywhere()
    {
        Site.Markup = MarkupVariant.NoClasses;
        var attribute = new Regex(@"<[^>]*\s(class|id)=");
        Assert.DoesNotMatch(attribute, await http.Get(Site.ListUri(104)));
        Assert.DoesNotMatch(attribute, await http.Get(Site.Articles[0].UrlOn(Site)));
    }

    [Fact]
    public async Task Published_article_appears_first_on_page_one_and_is_served()
    {
        var published = Site.Publish("KPU Uji Coba Sistem Informasi Rekapitulasi", "Teks sintetis pertama.\n\nTeks sintetis kedua.", FarmFixture.Now.AddHours(-1));
        Assert.Same(published, Site.Articles[0]);
        var url = Site.ListUri(104);
        Assert.Equal(PageText.Canonical(published.Path), PageText.ArticlePaths(await http.Get(url), url)[0]);
        Assert.Contains("Teks sintetis kedua.", await http.Get(published.UrlOn(Site)));
    }

    [Fact]
    public void Published_article_expects_its_meta_time_or_its_day_at_noon_wib()
    {
        var at = FarmFixture.Now.AddHours(-1);
        var expected = farm.Sites.Select(s => s.Publish("KPU Gelar Rapat Evaluasi Akhir Tahun", "Teks sintetis.", at)).ToArray();
        Assert.All(expected, a => Assert.Equal(
            a.ExpectedDateSource == "Meta" ? at : new DateTimeOffset(2025, 12, 10, 12, 0, 0, TimeSpan.FromHours(7)),
            a.ExpectedPublished));
        Assert.All(expected, a => Assert.Contains(a.ExpectedDateSource, new[] { "Meta", "BodyText" }));
    }

    [Fact]
    public async Task Edit_changes_the_served_body_and_bumps_the_version()
    {
        var original = Site.Articles[2];
        var edited = Site.Edit(original, "Isi berita yang sudah diperbarui.");
        Assert.Equal(original.Version + 1, edited.Version);
        Assert.Equal(original.ExpectedPublished, edited.ExpectedPublished);
        Assert.Contains("Isi berita yang sudah diperbarui.", edited.BodyText);
        Assert.Contains("Isi berita yang sudah diperbarui.", await http.Get(edited.UrlOn(Site)));
    }

    [Fact]
    public async Task Validator_sites_answer_304_until_the_article_is_edited()
    {
        var site = await FarmWithValidators();
        var article = site.Articles[0];
        using var first = await http.GetAsync(article.UrlOn(site));
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(article.UrlOn(site), etag)).StatusCode);
        site.Edit(article, "Perubahan isi berita.");
        Assert.Equal(HttpStatusCode.OK, (await Conditional(article.UrlOn(site), etag)).StatusCode);
    }

    [Fact]
    public async Task List_pages_send_no_validators()
    {
        var site = await FarmWithValidators();
        using var response = await http.GetAsync(site.ListUri(104));
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Request_log_records_each_request_with_host_and_monotonic_times()
    {
        await http.Get(Site.ListUri(104));
        await http.Get(Site.ListUri(104, 2));
        await http.Get(farm.Sites[1].ListUri(104));

        var own = farm.Log.For(Site.Id);
        Assert.Equal(["/index.php/blog/category/104", "/index.php/blog/category/104?page=2"], own.Select(r => r.PathAndQuery));
        Assert.All(own, r => Assert.Equal($"{Site.BaseUri.Host}:{farm.Port}", r.Host));
        Assert.All(own, r => Assert.True(r.End >= r.Start && r.Status == 200 && r.StartedAt == FarmFixture.Now));
        Assert.Equal(1, farm.Log.MaxConcurrencyPerHost());
        Assert.True(farm.Log.MinGapPerHost() >= TimeSpan.Zero);
        farm.Log.Clear();
        Assert.Empty(farm.Log.All);
    }

    [Fact]
    public async Task Request_log_counts_concurrent_requests_to_one_host()
    {
        Site.Mode = SiteMode.Timeout;
        using var giveUp = new CancellationTokenSource();
        var requests = Enumerable.Range(0, 2).Select(_ => http.GetAsync(Site.ListUri(104), giveUp.Token)).ToArray();
        while (farm.Log.For(Site.Id).Count < 2) await Task.Delay(10);
        Assert.Equal(2, farm.Log.MaxConcurrencyPerHost());
        Assert.True(farm.Log.MinGapPerHost() < TimeSpan.Zero);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(requests));
    }

    private async Task<HttpResponseMessage> Conditional(Uri url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await http.SendAsync(request);
    }

    /// <summary>A site that sends ETag/Last-Modified; the seed decides which, so search a larger farm.</summary>
    private async Task<FixtureSite> FarmWithValidators()
    {
        await farm.DisposeAsync();
        farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now, Clock = clock, ArticlesPerSite = 3 });
        return farm.Sites.First(s => s.SendsValidators);
    }
}
