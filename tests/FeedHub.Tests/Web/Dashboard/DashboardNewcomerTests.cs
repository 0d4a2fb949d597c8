using System.Net;
using System.Text.RegularExpressions;
using FeedHub.Host.Web.Dashboard;
using FeedHub.Monitoring;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Tests.Web.Dashboard;

/// <summary>What a provincial office newcomer needs: Indonesian first, problems on top with a cause and a next step.</summary>
public sealed class DashboardNewcomerTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpMethod method, string path, string? language = null, string? encoding = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(host.Http.BaseAddress!, path));
        // The fixture's client asks for English; a newcomer's browser may ask for nothing.
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static List<string> RowIds(string body) => Regex.Matches(body, "data-source=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_dashboard_speaks_indonesian_when_the_browser_asks_for_no_language()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/");

        Assert.Contains("<html lang=\"id\">", body);
        Assert.Contains("<h1>Sumber berita KPU</h1>", body);
        Assert.Contains("<span class=\"badge failing\">gagal</span>", body);
    }

    [Fact]
    public async Task Lang_in_the_query_wins_over_the_browser_language()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/?lang=en", language: "id-ID");

        Assert.Contains("<html lang=\"en\">", body);
        Assert.Contains("<h1>KPU news sources</h1>", body);
    }

    [Theory]
    [InlineData("/?lang=id", "en-US")]
    [InlineData("/", "id")]
    [InlineData("/", "id-ID,id;q=0.9,en;q=0.5")]
    public async Task Asking_for_indonesian_in_any_form_gets_indonesian(string path, string language)
    {
        var (_, body) = await SendAsync(HttpMethod.Get, path, language: language);

        Assert.Contains("<h1>Sumber berita KPU</h1>", body);
    }

    [Fact]
    public async Task A_language_chosen_with_lang_stays_on_the_next_page()
    {
        var (first, _) = await SendAsync(HttpMethod.Get, "/?lang=en");
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie")).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Http.BaseAddress!, "/sources/kab-blora"));
        request.Headers.Add("Cookie", cookie);
        using var client = new HttpClient();
        var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", body);
    }

    [Fact]
    public async Task The_language_switch_keeps_the_rest_of_the_query()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/?sort=name&status=ok");

        Assert.Contains("href=\"?sort=name&amp;status=ok&amp;lang=en\" hreflang=\"en\"", body);
    }

    [Fact]
    public async Task An_english_browser_gets_english()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/sources/kab-blora", language: "en-GB,en;q=0.8");

        Assert.Contains("<h2>Recent fetches</h2>", body);
    }

    [Fact]
    public async Task By_default_problems_come_first()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/");

        Assert.Equal(["kab-rembang", "kota-semarang", "kab-blora"], RowIds(body));
    }

    [Fact]
    public async Task A_count_badge_links_to_the_table_filtered_to_its_status()
    {
        var (_, overview) = await SendAsync(HttpMethod.Get, "/");
        var link = WebUtility.HtmlDecode(Regex.Match(overview, "<a href=\"([^\"]+)\" class=\"count\"><strong>1</strong> <span class=\"badge failing\">").Groups[1].Value);

        var (_, filtered) = await SendAsync(HttpMethod.Get, link);

        Assert.Contains("status=failing", link);
        Assert.Equal(["kab-rembang"], RowIds(filtered));
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_400_naming_the_choices()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, "/?status=red");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("unknown status 'red'; use one of: pending, ok, quiet, failing, broken", body);
    }

    [Fact]
    public async Task A_failing_row_says_the_cause_and_the_next_step_in_plain_words()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/");

        var row = Regex.Match(body, "<tr id=\"source-kab-rembang\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<span class=\"cause\">situs menjawab dengan galat server (HTTP 5xx)</span>", row);
        Assert.Contains("<span class=\"next\">Biasanya sementara; jika berhari-hari, hubungi pengelola situs.</span>", row);
    }

    [Fact]
    public async Task The_overview_reloads_itself_every_minute_without_script()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/");

        Assert.Matches("<meta http-equiv=\"refresh\" content=\"60\" ?/?>", body);
        Assert.DoesNotContain("<script", body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sources/kab-blora")]
    [InlineData("/items?q=Bimtek")]
    public async Task Head_answers_like_get_without_a_body(string path)
    {
        var (response, body) = await SendAsync(HttpMethod.Head, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("", body);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_when_the_client_accepts_it(string encoding)
    {
        var (response, _) = await SendAsync(HttpMethod.Get, "/", encoding: encoding);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Pages_are_revalidated_not_cached()
    {
        var (response, _) = await SendAsync(HttpMethod.Get, "/");

        Assert.True(response.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task The_stylesheet_is_a_cached_static_file()
    {
        var (response, _) = await SendAsync(HttpMethod.Get, Stylesheet.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task The_source_page_names_its_kind_and_categories()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/sources/kab-blora");

        Assert.Contains("<dt>Jenis</dt><dd>Halaman web</dd>", body);
        Assert.Contains("<dt>Kategori</dt><dd>Berita Terkini (104)</dd>", body);
    }

    [Fact]
    public async Task The_fetch_log_of_a_failing_source_says_the_run_failed()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/sources/kab-rembang");

        Assert.Contains("Perayapan terakhir gagal setelah pengambilan ini: GET https://kab-rembang.kpu.go.id/index.php/blog/category/104: HTTP 503 Service Unavailable", body);
        Assert.Contains("<td data-label=\"Hasil\">galat HTTP</td>", body);
    }

    [Fact]
    public async Task A_date_the_site_did_not_print_is_marked_as_estimated()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/sources/kab-rembang");
        var (_, blora) = await SendAsync(HttpMethod.Get, "/sources/kab-blora");

        Assert.Contains(">perkiraan</span>", body);
        Assert.DoesNotContain(">perkiraan</span>", blora);
    }

    [Fact]
    public async Task Search_shows_the_match_count_the_matching_words_and_the_search_as_a_feed()
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "/items?q=rekapitulasi");

        Assert.Contains("<p class=\"match-count\">11 berita cocok.</p>", body);
        Assert.Contains("<mark>rekapitulasi</mark>", body);
        Assert.Contains("href=\"/feeds/all.atom?q=rekapitulasi\"", body);
    }

    [Fact]
    public void Every_source_failing_for_the_same_cause_is_one_shared_failure()
    {
        SourceReport Report(string id, string error) => new(
            new Source { Id = id, Name = id, Region = "jawa-tengah", Url = new Uri($"https://{id}.kpu.go.id"), Profile = new Profile { Name = "kpu-blog" } },
            SourceState.New(id) with { ConsecutiveFailures = 1, LastFailureKind = FailureKind.Fetch, LastError = error }, null,
            new SourceHealth(SourceStatus.Failing, error, null));
        var offline = "GET https://x/ failed: Name or service not known";

        Assert.NotNull(OverviewPage.SharedFailure([Report("kab-blora", offline), Report("kab-rembang", offline)]));
        Assert.Null(OverviewPage.SharedFailure([Report("kab-blora", offline), Report("kab-rembang", "GET https://x/: HTTP 503 Service Unavailable")]));
    }
}
