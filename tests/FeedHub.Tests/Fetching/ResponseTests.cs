using System.IO.Compression;
using System.Text;
using FeedHub.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Fetching;

public sealed class ResponseTests
{
    private const string Article = "<html><head><title>KPU Contoh Gelar Rapat</title></head><body><p>Rapat pleno – Pemilu 2024</p></body></html>";

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
            gzip.Write(bytes);
        return compressed.ToArray();
    }

    [Fact]
    public async Task Ok_body_is_decoded_with_its_content_type_and_size()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/blog/read/9010_kpu-contoh-gelar-rapat", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html; charset=windows-1252";
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            await c.Response.Body.WriteAsync(Encoding.GetEncoding(1252).GetBytes(Article));
        }));
        using var fetcher = new TestFetcher([site]);

        var result = await fetcher.GetAsync(site.Url("/blog/read/9010_kpu-contoh-gelar-rapat"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(200, result.Status);
        Assert.Equal(Article, result.Body);
        Assert.Equal(Article.Length, result.Bytes);
        Assert.Equal("text/html; charset=windows-1252", result.ContentType);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Gzip_body_is_decompressed()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            c.Response.Headers.ContentEncoding = "gzip";
            await c.Response.Body.WriteAsync(Gzip(Encoding.UTF8.GetBytes(Article)));
        }));
        using var fetcher = new TestFetcher([site]);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(Article, result.Body);
    }

    [Fact]
    public async Task Size_cap_counts_decompressed_bytes()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", async (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            await c.Response.Body.WriteAsync(Gzip(new byte[1024 * 1024]));
        }));
        using var fetcher = new TestFetcher([site], o => o.MaxBodyBytes = 64 * 1024);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Contains("64 KB cap", result.Error);
    }

    [Fact]
    public async Task Content_length_above_the_cap_is_refused_before_reading()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", async (HttpContext c) =>
        {
            c.Response.ContentLength = 200_000;
            await c.Response.Body.WriteAsync(new byte[200_000]);
        }));
        using var fetcher = new TestFetcher([site], o => o.MaxBodyBytes = 100_000);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Equal($"GET {site.Url("/")}: Content-Length of 200000 bytes exceeds the 100000 bytes cap", result.Error);
    }

    [Fact]
    public async Task Streamed_body_without_length_stops_at_the_cap()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", async (HttpContext c) =>
        {
            for (var i = 0; i < 100; i++)
            {
                await c.Response.WriteAsync(new string('x', 4096));
                await c.Response.Body.FlushAsync();
            }
        }));
        using var fetcher = new TestFetcher([site], o => o.MaxBodyBytes = 50_000);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Equal(fetcher.Options.MaxBodyBytes, result.Bytes);
        Assert.EndsWith("body exceeds the 50000 bytes cap", result.Error);
    }

    [Fact]
    public async Task Body_exactly_at_the_cap_is_accepted()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", () => new string('x', 1024)));
        using var fetcher = new TestFetcher([site], o => o.MaxBodyBytes = 1024);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
    }

    [Fact]
    public async Task Conditional_get_sends_validators_and_reports_not_modified()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/blog/category/104", (HttpContext c) =>
        {
            c.Response.StatusCode = c.Request.Headers.IfNoneMatch == "\"v42\"" ? 304 : 200;
            c.Response.Headers.ETag = "\"v42\"";
        }));
        using var fetcher = new TestFetcher([site]);
        var stored = new Validators("\"v42\"", "Wed, 14 Feb 2024 01:00:00 GMT");

        var result = await fetcher.GetAsync(site.Url("/blog/category/104"), stored);

        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Null(result.Body);
        Assert.Equal("\"v42\"", result.Validators.ETag);
        Assert.Equal("Wed, 14 Feb 2024 01:00:00 GMT", Assert.Single(site.Requests).Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task Ok_response_returns_its_validators()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", (HttpContext c) =>
        {
            c.Response.Headers.ETag = "W/\"5f1-abc\"";
            c.Response.Headers.LastModified = "Tue, 13 Feb 2024 09:30:00 GMT";
            return c.Response.WriteAsync(Article);
        }));
        using var fetcher = new TestFetcher([site]);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(new Validators("W/\"5f1-abc\"", "Tue, 13 Feb 2024 09:30:00 GMT"), result.Validators);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_seconds()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", (HttpContext c) =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "120";
        }));
        using var fetcher = new TestFetcher([site]);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(429, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Equal($"GET {site.Url("/")}: HTTP 429 Too Many Requests (retry after 120 s)", result.Error);
    }

    [Fact]
    public async Task Service_unavailable_with_retry_after_date_is_relative_to_the_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 2, 14, 1, 0, 0, TimeSpan.Zero));
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/", (HttpContext c) =>
        {
            c.Response.StatusCode = 503;
            c.Response.Headers.RetryAfter = "Wed, 14 Feb 2024 01:02:00 GMT";
        }));
        using var fetcher = new TestFetcher([site], time: time);

        var result = await fetcher.GetAsync(site.Url("/"));

        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.EndsWith("HTTP 503 Service Unavailable (retry after 120 s)", result.Error);
    }

    [Fact]
    public async Task Server_error_is_an_http_error_naming_the_url()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/blog/category/104", (HttpContext c) => c.Response.StatusCode = 500));
        using var fetcher = new TestFetcher([site]);

        var result = await fetcher.GetAsync(site.Url("/blog/category/104"));

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(500, result.Status);
        Assert.Null(result.RetryAfter);
        Assert.Equal($"GET {site.Url("/blog/category/104")}: HTTP 500 Internal Server Error", result.Error);
    }
}
