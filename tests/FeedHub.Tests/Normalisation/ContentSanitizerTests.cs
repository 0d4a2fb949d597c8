using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public class ContentSanitizerTests
{
    private static readonly Uri Article = new("https://kab-contoh.kpu.go.id/blog/read/9012_kpu-contoh-gelar-rapat");

    private static string Sanitize(string html) => ContentSanitizer.Sanitize(html, Article);

    [Fact]
    public void Keeps_plain_article_markup() =>
        Assert.Equal("<p>Contoh, 5 Januari 2026 — <strong>Teks</strong> <em>sintetis</em>.</p>",
            Sanitize("<p>Contoh, 5 Januari 2026 — <strong>Teks</strong> <em>sintetis</em>.</p>"));

    [Theory]
    [InlineData("<p>Teks</p><script>alert('x')</script>")]
    [InlineData("<p>Teks</p><iframe src=\"https://evil.example/\">frame</iframe>")]
    [InlineData("<p>Teks</p><style>p { color: red }</style>")]
    [InlineData("<p>Teks</p><object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<p>Teks</p><form action=\"/login\"><input type=\"hidden\" name=\"_token\" value=\"abc\"></form>")]
    public void Drops_active_content_with_everything_inside(string html) =>
        Assert.Equal("<p>Teks</p>", Sanitize(html));

    [Fact]
    public void Drops_event_attributes() =>
        Assert.Equal("<p>Teks</p>", Sanitize("<p onclick=\"alert(1)\" onmouseover=\"alert(2)\">Teks</p>"));

    [Fact]
    public void Drops_onerror_and_images_with_a_javascript_source()
    {
        var html = Sanitize("<p>Teks<img src=\"x\" onerror=\"alert(1)\"><img src=\"javascript:alert(1)\"></p>");

        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("src=\"https://kab-contoh.kpu.go.id/blog/read/x\"", html);
        Assert.Single(html.Split("<img").Skip(1));
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">klik</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">klik</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">klik</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">klik</a>")]
    public void Drops_dangerous_url_schemes(string html) =>
        Assert.Equal("<a>klik</a>", Sanitize(html));

    [Fact]
    public void Drops_data_images() =>
        Assert.Equal("<p>Foto</p>", Sanitize("<p>Foto<img src=\"data:image/png;base64,iVBORw0KGgo=\"></p>"));

    [Fact]
    public void Keeps_mailto_links() =>
        Assert.Equal("<a href=\"mailto:humas@kpu.go.id\">surel</a>", Sanitize("<a href=\"mailto:humas@kpu.go.id\">surel</a>"));

    [Fact]
    public void Drops_styles_and_classes() =>
        Assert.Equal("<p>Teks</p>", Sanitize("<p style=\"background:url(javascript:alert(1))\" class=\"post-content\" id=\"x\">Teks</p>"));

    [Fact]
    public void Makes_relative_urls_absolute()
    {
        var html = Sanitize("<p><a href=\"/blog/category/105\">Sosialisasi</a><img src=\"/images/blog_post/1767600000a1b2.jpg\" alt=\"\"></p>");

        Assert.Equal("<p><a href=\"https://kab-contoh.kpu.go.id/blog/category/105\">Sosialisasi</a>"
            + "<img src=\"https://kab-contoh.kpu.go.id/images/blog_post/1767600000a1b2.jpg\" alt=\"\"></p>", html);
    }

    [Theory]
    [InlineData("<img src=\"/images/placeholder.gif\" data-src=\"/images/blog_post/a.jpg\">")]
    [InlineData("<img data-lazy-src=\"/images/blog_post/a.jpg\">")]
    [InlineData("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-original=\"/images/blog_post/a.jpg\">")]
    public void Resolves_lazy_images(string html) =>
        Assert.Equal("<img src=\"https://kab-contoh.kpu.go.id/images/blog_post/a.jpg\">", Sanitize(html));

    [Theory]
    [InlineData("<p>&nbsp;</p>")]
    [InlineData("<p> </p>")]
    [InlineData("<p><br></p>")]
    [InlineData("<p><span>&nbsp;</span></p>")]
    public void Removes_empty_paragraphs(string empty) =>
        Assert.Equal("<p>KPU Contoh</p><p>Teks</p>", Sanitize($"<p>KPU Contoh</p>{empty}<p>Teks</p>"));

    [Theory]
    [InlineData("<p>Foto<img src=\"\"></p>")]
    [InlineData("<p>Foto<img alt=\"foto\"></p>")]
    public void Drops_images_without_a_source_rather_than_pointing_them_at_the_page(string html) =>
        Assert.Equal("<p>Foto</p>", Sanitize(html));

    [Fact]
    public void Demotes_first_level_headings() =>
        Assert.Equal("<h2>Jadwal <em>Pleno</em></h2><p>Teks</p>", Sanitize("<h1>Jadwal <em>Pleno</em></h1><p>Teks</p>"));

    [Fact]
    public void Keeps_a_paragraph_holding_only_an_image() =>
        Assert.Equal("<p><img src=\"https://kab-contoh.kpu.go.id/a.jpg\"></p>", Sanitize("<p><img src=\"/a.jpg\"></p>"));

    [Fact]
    public void Keeps_the_text_of_unknown_wrappers() =>
        Assert.Equal("<p>Teks <b>tebal</b></p>", Sanitize("<section><p><font face=\"Arial\">Teks</font> <b>tebal</b></p></section>"));

    [Fact]
    public void Removes_characters_xml_forbids() =>
        Assert.Equal("<p>Teks sintetis</p>", Sanitize("<p>Teks\u0001 sin\u000Btetis\uFFFE</p>"));

    [Fact]
    public void Removes_characters_xml_forbids_given_as_references() =>
        Assert.DoesNotContain('\u0001', Sanitize("<p>Teks&#1; sintetis</p>"));

    [Fact]
    public void Keeps_non_BMP_and_right_to_left_text() =>
        Assert.Equal("<p>Pemilu 🗳️ 𝐊𝐏𝐔 مرحبا עברית</p>", Sanitize("<p>Pemilu 🗳️ 𝐊𝐏𝐔 مرحبا עברית</p>"));

    [Fact]
    public void Keeps_tables_and_lists() =>
        Assert.Equal("<table><tbody><tr><td colspan=\"2\">TPS</td></tr></tbody></table><ul><li>satu</li></ul>",
            Sanitize("<table border=\"1\"><tr><td colspan=\"2\">TPS</td></tr></table><ul><li>satu</li></ul>"));

    [Fact]
    public void Can_be_used_from_many_threads_at_once()
    {
        var results = Enumerable.Range(0, 64).AsParallel()
            .Select(i => Sanitize($"<p>Teks {i}<img data-src=\"/a{i}.jpg\"></p><script>x</script>"))
            .ToArray();

        for (var i = 0; i < results.Length; i++)
            Assert.Equal($"<p>Teks {i}<img src=\"https://kab-contoh.kpu.go.id/a{i}.jpg\"></p>", results[i]);
    }

    [Theory]
    [InlineData("/images/a.jpg", "https://kab-contoh.kpu.go.id/images/a.jpg")]
    [InlineData("https://cdn.example/a.jpg", "https://cdn.example/a.jpg")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" ", null)]
    public void Gives_stand_alone_images_an_absolute_web_url(string url, string? expected) =>
        Assert.Equal(expected, ContentSanitizer.AbsoluteImageUrl(url, Article));
}
