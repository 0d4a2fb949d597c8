using System.Net;
using System.Text.RegularExpressions;
using FeedHub.Fixtures;

namespace FeedHub.Tests.Fixtures;

public sealed class FixtureFarmServingTests(FarmFixture fixture) : IClassFixture<FarmFixture>
{
    private FixtureFarm Farm => fixture.Farm;
    private HttpClient Http => fixture.Http;

    [Fact]
    public void First_sites_are_the_Central_Java_regencies_cities_and_province()
    {
        Assert.Equal(36, Farm.Sites.Count);
        Assert.Equal("KPU Kabupaten Blora", Farm["kab-blora"].Name);
        Assert.Equal("KPU Kota Semarang", Farm["kota-semarang"].Name);
        Assert.Equal("kota-surakarta", Farm.Sites[33].Id);
        Assert.Equal(("jateng", "KPU Provinsi Jawa Tengah"), (Farm.Sites[35].Id, Farm.Sites[35].Name));
        Assert.All(Farm.Sites, s => Assert.Equal("jawa-tengah", s.Region));
    }

    [Theory]
    [InlineData(0, "127.0.1.1")]
    [InlineData(253, "127.0.1.254")]
    [InlineData(254, "127.0.2.1")]
    [InlineData(549, "127.0.3.42")]
    public void Sites_get_consecutive_loopback_addresses(int index, string address) =>
        Assert.Equal(IPAddress.Parse(address), FixtureFarm.AddressOf(index));

    [Fact]
    public async Task Each_site_answers_on_its_own_address_with_its_own_pages()
    {
        foreach (var site in new[] { Farm.Sites[0], Farm["kab-kudus"], Farm["jateng"] })
        {
            Assert.Equal(Farm.Port, site.BaseUri.Port);
            var html = await Http.Get(site.ListUri(104));
            Assert.Contains($"- {site.Name}</title>", html);
        }
        Assert.Equal(36, Farm.Sites.Select(s => s.BaseUri.Host).Distinct().Count());
    }

    [Fact]
    public async Task Both_article_url_forms_serve_the_same_article()
    {
        var (site, article) = Farm.Sites
            .SelectMany(s => s.Articles.Select(a => (Site: s, Article: a)))
            .First(x => x.Article.NumericId is not null && !x.Article.Title.Contains('"') && !x.Article.Title.Contains('&'));
        var forms = new[]
        {
            $"/blog/read/{article.NumericId}_{article.Slug}", $"/blog/read/{article.Slug}",
            $"/index.php/blog/read/{article.NumericId}_{article.Slug}", $"/blog/read/{article.Slug}/",
            $"/berita/baca/{article.NumericId}/{article.Slug}",
        };
        foreach (var path in forms)
            Assert.Contains($"<title>{WebUtility.HtmlEncode(article.Title)} - {site.Name}</title>", await Http.Get(new Uri(site.BaseUri, path)));
    }

    [Fact]
    public async Task List_pages_run_newest_first_in_steps_of_the_site_page_size()
    {
        foreach (var site in Farm.Sites.Take(6))
        {
            var expected = site.Articles.Select(a => PageText.Canonical(a.Path)).Chunk(site.PageSize).ToArray();
            for (var page = 1; page <= expected.Length; page++)
            {
                var url = site.ListUri(104, page);
                Assert.Equal(expected[page - 1], PageText.ArticlePaths(await Http.Get(url), url));
            }
        }
    }

    [Fact]
    public void Page_sizes_vary_between_sites_within_five_to_ten() =>
        Assert.True(Farm.Sites.Select(s => s.PageSize).Distinct().Count() > 2
            && Farm.Sites.All(s => s.PageSize is >= 5 and <= 10));

    [Fact]
    public async Task Page_beyond_the_end_is_the_list_template_without_article_links()
    {
        var site = Farm["kab-blora"];
        var url = site.ListUri(104, 99);
        var html = await Http.Get(url);
        Assert.Contains($"<h1>{site.CategoryHeading(104)}</h1>", html);
        Assert.Empty(PageText.ArticlePaths(html, url));
    }

    [Theory]
    [InlineData("/blog/category/104")]
    [InlineData("/index.php/blog/category/104?page=1")]
    [InlineData("/index.php/blog/category/104/x?page=1")]
    [InlineData("/blog/category/104/%5Cu0022onmouseover=%5Cu0022")]
    [InlineData("/index.php/blog/category/104?page=abc")]
    public async Task List_routing_is_lenient(string path)
    {
        var site = Farm["kab-jepara"];
        var url = new Uri(site.BaseUri, path);
        var expected = site.Articles.Take(site.PageSize).Select(a => PageText.Canonical(a.Path));
        Assert.Equal(expected, PageText.ArticlePaths(await Http.Get(url), url));
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/favicon.ico")]
    [InlineData("/blog/read/9999999_tidak-ada")]
    [InlineData("/api/blogs/104")]
    public async Task Unknown_paths_answer_404(string path)
    {
        using var response = await Http.GetAsync(new Uri(Farm.Sites[0].BaseUri, path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Article_page_title_element_carries_the_site_suffix_and_first_h1_is_the_category()
    {
        var site = Farm.Sites.First(s => s.Markup != MarkupVariant.Plain);
        var heading = $"<h1>{WebUtility.HtmlEncode(site.CategoryHeading(104))}</h1>";
        var article = site.Articles.First(a => !a.Title.Contains('"') && !a.Title.Contains('&'));
        var html = await Http.Get(article.UrlOn(site));
        Assert.Contains($"<title>{WebUtility.HtmlEncode(article.Title)} - {WebUtility.HtmlEncode(site.Name)}</title>", html);
        Assert.Contains(heading, html);
        Assert.True(html.IndexOf(heading, StringComparison.Ordinal) < html.IndexOf(WebUtility.HtmlEncode(article.Title) + "</h", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_article_page_has_no_class_or_id_and_its_headline_is_the_only_h1()
    {
        var site = Farm.Sites.First(s => s.Markup == MarkupVariant.Plain);
        var article = site.Articles.First(a => !a.Title.Contains('"') && !a.Title.Contains('&'));
        var html = await Http.Get(article.UrlOn(site));
        Assert.DoesNotContain(" class=", html);
        Assert.DoesNotContain(" id=", html);
        Assert.Equal($"<h1>{WebUtility.HtmlEncode(article.Title)}</h1>", Regex.Match(html, "<h1>.*?</h1>").Value);
        Assert.Single(Regex.Matches(html, "<h1>"));
        Assert.Matches($@"<h1>.*?</h1>\n(?:<time[^>]*>[^<]*</time>\n)?<p><small>[^<]*Dilihat \d+ kali</small></p>", html);
    }

    [Fact]
    public async Task Quoted_titles_are_double_escaped_and_slugged_with_amp_quot()
    {
        var (site, article) = Farm.Sites
            .SelectMany(s => s.Articles.Select(a => (Site: s, Article: a)))
            .First(x => x.Article.Title.Contains('"'));
        Assert.Contains("amp-quot", article.Slug);
        Assert.Contains("&amp;quot;", await Http.Get(article.UrlOn(site)));
    }

    [Fact]
    public async Task Category_heading_varies_per_site_as_observed()
    {
        Assert.Equal("Berita", Farm["kab-rembang"].CategoryHeading(104));
        Assert.Equal("Berita KPU Kab Klaten", Farm["kab-klaten"].CategoryHeading(104));
        Assert.Contains("<h1>Berita KPU Kab Klaten</h1>", await Http.Get(Farm["kab-klaten"].ListUri(104)));
    }

    [Fact]
    public async Task Each_list_entry_links_its_article_at_least_twice()
    {
        var site = Farm["kab-blora"];
        var html = await Http.Get(site.ListUri(104));
        foreach (var article in site.Articles.Take(site.PageSize))
        {
            var links = html.Split($"{article.Slug}\"").Length - 1;
            Assert.InRange(links, 2, 3);
        }
    }

    [Fact]
    public void Feeds_json_lists_every_site_with_the_kpu_blog_profile()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Farm.FeedsJson());
        var root = json.RootElement;
        Assert.Equal("/index.php/blog/category/{category}", root.GetProperty("profiles").GetProperty("kpu-blog").GetProperty("listPath").GetString());
        var sources = root.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Equal(36, sources.Length);
        var blora = sources.Single(s => s.GetProperty("id").GetString() == "kab-blora");
        Assert.Equal("KPU Kabupaten Blora", blora.GetProperty("name").GetString());
        Assert.Equal("jawa-tengah", blora.GetProperty("region").GetString());
        Assert.Equal($"http://127.0.1.4:{Farm.Port}", blora.GetProperty("url").GetString());
        Assert.Equal("kpu-blog", blora.GetProperty("profile").GetString());
        Assert.Equal([104], blora.GetProperty("categories").EnumerateArray().Select(c => c.GetInt32()));
        Assert.False(blora.TryGetProperty("interval", out _));
    }

    [Fact]
    public void Feeds_json_writes_the_interval_when_given()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Farm.FeedsJson(TimeSpan.FromMinutes(15)));
        Assert.All(json.RootElement.GetProperty("sources").EnumerateArray(),
            s => Assert.Equal("00:15:00", s.GetProperty("interval").GetString()));
    }
}
