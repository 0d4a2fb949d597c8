using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace FeedHub.Tests.Web;

/// <summary>How the `run` process serves feeds over HTTP: media types, validators, 304s, HEAD, compression, errors.</summary>
[Collection(FeedsServerCollection.Name)]
public class FeedsHttpTests(FeedsServer server)
{
    [Theory]
    [InlineData("feeds/all.atom", "application/atom+xml")]
    [InlineData("feeds/all.rss", "application/rss+xml")]
    [InlineData("feeds/all.json", "application/feed+json")]
    [InlineData("feeds/kab-blora.atom", "application/atom+xml")]
    [InlineData("feeds/region/jawa-tengah.rss", "application/rss+xml")]
    [InlineData("feeds/category/Berita%20Terkini.json", "application/feed+json")]
    [InlineData("opml", "text/x-opml")]
    public async Task Answers_with_the_registered_media_type(string path, string mediaType)
    {
        using var response = await server.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("feeds/all.atom")]
    [InlineData("opml")]
    public async Task XML_documents_declare_their_utf8_charset(string path)
    {
        using var response = await server.GetAsync(path);
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
    }

    [Fact]
    public async Task Caching_headers_allow_a_minute_of_public_caching_and_vary_on_encoding()
    {
        using var response = await server.GetAsync("feeds/all.atom");
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl.MaxAge);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task The_same_feed_is_sent_with_the_same_bytes_and_ETag_while_the_store_is_unchanged()
    {
        using var first = await server.GetAsync("feeds/all.rss?limit=20");
        using var second = await server.GetAsync("feeds/all.rss?limit=20");
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_repeated_request_with_the_ETag_gets_304_without_a_body()
    {
        using var first = await server.GetAsync("feeds/all.atom");
        using var again = await server.GetAsync("feeds/all.atom", r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("\"0000\", W/{0}")]
    [InlineData("{0}, \"ffff\"")]
    [InlineData("*")]
    public async Task If_None_Match_matches_weakly_within_a_list_or_by_star(string header)
    {
        using var first = await server.GetAsync("feeds/all.json");
        using var again = await server.GetAsync("feeds/all.json",
            r => r.Headers.TryAddWithoutValidation("If-None-Match", string.Format(header, first.Headers.ETag!.Tag)));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task If_Modified_Since_at_the_last_change_gets_304()
    {
        using var first = await server.GetAsync("feeds/kab-blora.atom");
        using var again = await server.GetAsync("feeds/kab-blora.atom", r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task If_Modified_Since_before_the_last_change_gets_the_feed()
    {
        using var first = await server.GetAsync("feeds/kab-blora.atom");
        using var again = await server.GetAsync("feeds/kab-blora.atom",
            r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified!.Value.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_non_matching_If_None_Match_wins_over_a_matching_If_Modified_Since()
    {
        using var again = await server.GetAsync("feeds/kab-blora.atom", r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef\""));
            r.Headers.IfModifiedSince = DateTimeOffset.UnixEpoch.AddYears(100);
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task HEAD_sends_the_headers_and_length_without_a_body()
    {
        var body = await server.GetBytesAsync("feeds/all.atom");
        using var head = await server.SendAsync(HttpMethod.Head, "feeds/all.atom");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Equal("application/atom+xml", head.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Compresses_for_readers_that_accept_it_with_its_own_ETag(string coding)
    {
        var plain = await server.GetBytesAsync("feeds/all.rss");
        using var plainResponse = await server.GetAsync("feeds/all.rss");
        using var response = await server.GetAsync("feeds/all.rss", r => r.Headers.AcceptEncoding.ParseAdd(coding));
        Assert.Equal([coding], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 3, $"{coding}: {compressed.Length} of {plain.Length} bytes");
        Assert.Equal(plain, Decompress(coding, compressed));
        Assert.NotEqual(plainResponse.Headers.ETag, response.Headers.ETag);
        Assert.Equal(compressed.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Prefers_brotli_when_both_are_equally_acceptable()
    {
        using var response = await server.GetAsync("feeds/all.json", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br"));
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Honours_quality_values_in_Accept_Encoding()
    {
        using var response = await server.GetAsync("feeds/all.json", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "br;q=0.5, gzip"));
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Sends_identity_when_no_compression_is_acceptable()
    {
        using var response = await server.GetAsync("feeds/all.json", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "br;q=0, gzip;q=0"));
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_compressed_representation_is_revalidated_with_its_own_ETag()
    {
        using var first = await server.GetAsync("feeds/all.atom", r => r.Headers.AcceptEncoding.ParseAdd("gzip"));
        using var again = await server.GetAsync("feeds/all.atom", r =>
        {
            r.Headers.AcceptEncoding.ParseAdd("gzip");
            r.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        });
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("feeds/all.atom?limit=0", "limit")]
    [InlineData("feeds/all.atom?limit=lima", "limit")]
    [InlineData("feeds/all.rss?limit=201", "limit")]
    [InlineData("feeds/all.json?since=kemarin", "since")]
    [InlineData("feeds/all.json?since=2025-13-01", "since")]
    [InlineData("feeds/all.atom?source=kab-sleman", "source")]
    [InlineData("feeds/all.atom?source=,", "source")]
    [InlineData("feeds/all.atom?q=%20%20", "q")]
    [InlineData("feeds/all.atom?q=%22%22", "q")]
    [InlineData("feeds/all.atom?before=bukan-kursor", "before")]
    [InlineData("feeds/all.atom?category=", "category")]
    [InlineData("feeds/category/Berita.atom?category=Sosialisasi", "category")]
    [InlineData("feeds/all.atom?limit=5&limit=6", "limit")]
    [InlineData("feeds/archive/2025-11/all.atom?q=pemilu", "q")]
    [InlineData("feeds/archive/2025-11/kab-blora.rss?source=kab-blora", "source")]
    [InlineData("feeds/archive/2025-11/region/jawa-tengah.json?category=Berita", "category")]
    [InlineData("feeds/archive/2025-11/all.atom?since=2025-11-20", "since")]
    [InlineData("feeds/archive/2025-11/all.atom?limit=10", "limit")]
    [InlineData("feeds/archive/2025-11/all.atom?before=bukan-kursor", "before")]
    public async Task An_invalid_parameter_gets_400_in_plain_text_naming_it(string path, string parameter)
    {
        using var response = await server.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"'{parameter}'", text);
    }

    [Theory]
    [InlineData("feeds/kab-sleman.atom", "kab-sleman")]
    [InlineData("feeds/region/jawa-timur.rss", "jawa-timur")]
    [InlineData("feeds/all.xml", "/feeds/all.xml")]
    [InlineData("feeds/", "/feeds/")]
    [InlineData("feeds/region/.atom", "/feeds/region/.atom")]
    [InlineData("feeds/a/b/c.atom", "/feeds/a/b/c.atom")]
    [InlineData("feeds/category/Berita%2FOpini.atom", "/feeds/category/Berita%2FOpini.atom")]
    [InlineData("feeds/archive/2015-06/all.atom", "/feeds/archive/2015-06/all.atom")]
    [InlineData("feeds/archive/2025-12/all.rss", "/feeds/archive/2025-12/all.rss")]
    [InlineData("feeds/archive/2026-03/kab-blora.json", "/feeds/archive/2026-03/kab-blora.json")]
    [InlineData("feeds/archive/2025-11/kab-sleman.atom", "kab-sleman")]
    [InlineData("feeds/archive/2025-13/all.atom", "/feeds/archive/2025-13/all.atom")]
    public async Task An_unknown_feed_gets_404_in_plain_text_naming_it(string path, string named)
    {
        using var response = await server.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_category_no_item_carries_has_an_empty_feed()
    {
        using var response = await server.GetAsync("feeds/category/Tidak%20Ada.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"items\":[]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("feeds/category/Berita%20Terkini.atom", "Kategori Berita Terkini")]
    [InlineData("feeds/category/Partisipasi%20100%25.atom", "Kategori Partisipasi 100%")]
    [InlineData("feeds/category/Sosialisasi%20%26%20Edukasi.atom", "Kategori Sosialisasi &amp; Edukasi")]
    public async Task A_category_path_is_percent_decoded_once(string path, string title)
    {
        var atom = System.Text.Encoding.UTF8.GetString(await server.GetBytesAsync(path));
        Assert.Contains($"<title type=\"text\">{title} — FeedHub</title>", atom);
    }

    [Fact]
    public async Task Links_are_absolute_under_the_address_the_reader_used()
    {
        var atom = System.Text.Encoding.UTF8.GetString(await server.GetBytesAsync("feeds/all.atom"));
        Assert.Contains($"href=\"{server.BaseAddress}feeds/all.atom\"", atom);
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored()
    {
        var plain = await server.GetBytesAsync("feeds/all.atom");
        Assert.Equal(plain, await server.GetBytesAsync("feeds/all.atom?utm_source=wa&_=1765339200"));
    }

    private static byte[] Decompress(string coding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream stream = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("feeds/all.atom")]
    [InlineData("opml")]
    public async Task Links_never_reflect_a_forged_Host_header(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body);
        Assert.Contains(server.BaseAddress.Authority, body);
    }
}
