using System.Net;
using FeedHub.Host.Composition;
using FeedHub.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using AngleSharp.Html.Parser;
using FeedHub.Storage;
using FeedHub.Tests.Storage;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// The `run` web app as built by <see cref="WebApp.BuildAsync"/>, on loopback, with a few test endpoints
/// mapped after it is built: limits, methods, headers and failures as a client meets them.
/// </summary>
public sealed class WebHardeningTests : IAsyncLifetime
{
    private const string ApiKey = "kunci-rahasia-uji";
    private readonly WorkDirectory work = new();
    private readonly HttpClient http = new();
    private WebApplication app = null!;

    public async Task InitializeAsync()
    {
        var config = work.Write("feeds.json", """
            {"profiles": {"kpu-blog": {"listPath": "/index.php/blog/category/{category}"}},
             "sources": [{"id": "kab-blora", "name": "KPU Kabupaten Blora", "region": "jawa-tengah", "url": "https://kab-blora.kpu.go.id/", "profile": "kpu-blog"}]}
            """);
        app = await WebApp.BuildAsync(new WebAppSettings
        {
            Config = config,
            Database = Path.Combine(work.Path, "feedhub.db"),
            Urls = "http://127.0.0.1:0",
            Schedule = false,
        }, CancellationToken.None, builder => builder.Configuration["Web:ApiKey"] = ApiKey);
        app.MapGet("/uji/halaman", () => Results.Content("<!doctype html><title>Uji</title><p>Halaman</p>", "text/html; charset=utf-8"));
        app.MapGet("/uji/data", () => Results.Json(new { ok = true }));
        app.MapGet("/uji/gagal", string () => throw new InvalidOperationException("rahasia internal: Server=db;Password=hunter2"));
        app.MapPost("/uji/tulis", () => Results.Text("ditulis")).WithMetadata(new WriteAction());
        await app.StartAsync();
        http.BaseAddress = new Uri(app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        work.Dispose();
    }

    [Fact]
    public async Task Html_pages_forbid_script_framing_sniffing_and_referrers()
    {
        using var response = await http.GetAsync("/uji/halaman");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_hostile_stored_title_is_only_ever_text_on_the_dashboard()
    {
        const string title = "<script>alert('judul')</script><img src=x onerror=alert(2)> Rapat Pleno";
        await app.Services.GetRequiredService<ItemStore>().CommitAsync(new SourceRun
        {
            SourceId = "kab-blora",
            Items = [TestItems.Write("kab-blora", 1, TestItems.WibTime(5, 9), title: title, content: "<p>Rapat pleno terbuka.</p>")],
            State = SourceState.New("kab-blora"),
        }, CancellationToken.None);
        var shown = 0;

        foreach (var path in new[] { "/", "/sources/kab-blora", "/items", "/items?q=Rapat" })
        {
            using var response = await http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            SafeOutput.AssertSafePage(html, path);
            if (new HtmlParser().ParseDocument(html).Body!.TextContent.Contains(title, StringComparison.Ordinal)) shown++;
        }

        Assert.True(shown > 0, "the title appears on no dashboard page");
    }

    [Fact]
    public async Task Every_response_is_nosniff_but_only_html_carries_the_page_policy()
    {
        using var response = await http.GetAsync("/uji/data");

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task An_endpoint_that_throws_answers_a_plain_500_without_stack_trace_or_message()
    {
        using var response = await http.GetAsync("/uji/gagal");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("internal error, see server log (id ", body);
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Theory]
    [InlineData("/feeds/all.atom?limit=100000", "limit")]
    [InlineData("/feeds/all.json?limit=-1", "limit")]
    [InlineData("/feeds/all.rss?q=", "q")]
    [InlineData("/items?before=bukan-token", "before")]
    public async Task An_out_of_bounds_query_parameter_is_a_400_that_names_it(string path, string parameter)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{parameter}'", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/uji/halaman")]
    [InlineData("DELETE", "/uji/data")]
    [InlineData("PATCH", "/feeds/all.atom")]
    public async Task Anything_but_GET_and_HEAD_is_405(string method, string path)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("kunci-salah", HttpStatusCode.Unauthorized)]
    [InlineData(ApiKey, HttpStatusCode.OK)]
    public async Task A_write_action_needs_the_configured_api_key(string? key, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/uji/tulis");
        if (key is not null) request.Headers.Add(WriteAction.ApiKeyHeader, key);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_headers_are_refused_with_431()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/uji/data");
        request.Headers.Add("X-Padding", new string('a', ErrorHandling.MaxRequestHeadersTotalBytes + 1));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Too_many_headers_are_refused_with_431()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/uji/data");
        for (var i = 0; i <= ErrorHandling.MaxRequestHeaderCount; i++) request.Headers.Add($"X-H{i}", "v");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_request_line_is_refused_with_414()
    {
        using var response = await http.GetAsync("/uji/data?q=" + new string('a', ErrorHandling.MaxRequestLineBytes));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_with_413_even_with_the_api_key()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/uji/tulis") { Content = new ByteArrayContent(new byte[ErrorHandling.MaxRequestBodyBytes + 1]) };
        request.Headers.Add(WriteAction.ApiKeyHeader, ApiKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
