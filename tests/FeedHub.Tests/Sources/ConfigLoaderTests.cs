using FeedHub.Sources;

namespace FeedHub.Tests.Sources;

public class ConfigLoaderTests
{
    private const string Profiles = """
        "profiles": { "kpu-blog": { "listPath": "/index.php/blog/category/{category}" } }
        """;

    private static SourceCatalog Load(string sources) =>
        ConfigLoader.Parse($$"""{ {{Profiles}}, "sources": [ {{sources}} ] }""");

    private static IReadOnlyList<ConfigError> ErrorsOf(string json)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(json));
        return e.Errors;
    }

    private static string Blora(string extra = "") => $$"""
        { "id": "kab-blora", "name": "KPU Kabupaten Blora", "region": "jawa-tengah",
          "url": "https://kab-blora.kpu.go.id", "profile": "kpu-blog" {{extra}} }
        """;

    [Fact]
    public void Shipped_feeds_json_holds_35_regencies_and_the_province()
    {
        var catalog = ConfigLoader.LoadFile(Path.Combine(RepoRoot.Path, "feeds.json"));

        Assert.Equal(36, catalog.Sources.Count);
        Assert.Equal(29, catalog.Sources.Count(s => s.Id.StartsWith("kab-", StringComparison.Ordinal)));
        Assert.Equal(6, catalog.Sources.Count(s => s.Id.StartsWith("kota-", StringComparison.Ordinal)));
        Assert.NotNull(catalog.Find("jateng"));
        Assert.All(catalog.Sources, s => Assert.Equal("https", s.Url.Scheme));
        Assert.All(catalog.Sources, s => Assert.Equal([104], s.Categories));
    }

    [Fact]
    public void Source_gets_defaults_for_categories_interval_and_wib()
    {
        var source = Load(Blora()).Sources.Single();

        Assert.Equal([104], source.Categories);
        Assert.Equal(TimeSpan.FromMinutes(15), source.Interval);
        Assert.Equal(TimeSpan.FromHours(7), source.TimeZone.BaseUtcOffset);
        Assert.Equal("kpu-blog", source.Profile.Name);
    }

    [Fact]
    public void Source_overrides_interval_zone_categories_and_selectors()
    {
        var source = Load(Blora("""
            , "interval": "2h", "timeZone": "Asia/Makassar", "categories": [104, 105],
            "selectors": { "date": ".post-meta-date" }
            """)).Sources.Single();

        Assert.Equal(TimeSpan.FromHours(2), source.Interval);
        Assert.Equal(TimeSpan.FromHours(8), source.TimeZone.BaseUtcOffset);
        Assert.Equal([104, 105], source.Categories);
        Assert.Equal(".post-meta-date", source.Selectors.Date);
    }

    [Fact]
    public void Source_selectors_win_over_profile_selectors_field_by_field()
    {
        var catalog = ConfigLoader.Parse("""
            { "profiles": { "p": { "selectors": { "title": "h2.title", "body": ".content" } } },
              "sources": [ { "id": "a", "name": "A", "region": "r", "url": "https://a.example", "profile": "p",
                             "selectors": { "title": "h3" } } ] }
            """);

        var selectors = catalog.Sources.Single().Selectors;
        Assert.Equal("h3", selectors.Title);
        Assert.Equal(".content", selectors.Body);
    }

    [Fact]
    public void List_page_url_follows_the_profile_and_omits_page_one()
    {
        var source = Load(Blora()).Sources.Single();

        Assert.Equal("https://kab-blora.kpu.go.id/index.php/blog/category/104", source.ListPage(104, 1).AbsoluteUri);
        Assert.Equal("https://kab-blora.kpu.go.id/index.php/blog/category/104?page=13", source.ListPage(104, 13).AbsoluteUri);
    }

    [Fact]
    public void Feed_source_needs_no_profile()
    {
        var source = Load("""{ "id": "bawaslu", "name": "Bawaslu", "region": "nasional", "url": "https://example.org/rss", "kind": "feed" }""")
            .Sources.Single();

        Assert.Equal(SourceKind.Feed, source.Kind);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_json_path()
    {
        var errors = ErrorsOf($$"""
            { {{Profiles}}, "sources": [
              { "id": "kab-blora", "name": "A", "region": "jawa-tengah", "url": "ftp://x", "profile": "kpu-blog" },
              { "id": "kab-blora", "name": "B", "region": "jawa-tengah", "url": "https://b.example", "profile": "nope" },
              { "id": "Kab Demak", "name": "C", "region": "jawa-tengah", "url": "https://c.example", "profile": "kpu-blog",
                "interval": "soon", "selectors": { "title": "h2[" }, "timeZone": "Mars/Olympus", "intervall": "1h" }
            ] }
            """);

        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("$.sources[0].url", paths);
        Assert.Contains("$.sources[1].profile", paths);
        Assert.Contains("$.sources[2].id", paths);
        Assert.Contains("$.sources[2].interval", paths);
        Assert.Contains("$.sources[2].selectors.title", paths);
        Assert.Contains("$.sources[2].timeZone", paths);
        Assert.Contains("$.sources[2].intervall", paths);
    }

    [Fact]
    public void Profile_remove_selectors_are_read_in_order()
    {
        var catalog = ConfigLoader.Parse($$"""
            { "profiles": { "kpu-blog": { "remove": [".ads-inline", "div.post-share"] } }, "sources": [ {{Blora()}} ] }
            """);

        Assert.Equal([".ads-inline", "div.post-share"], catalog.Sources.Single().Profile.Remove);
    }

    [Fact]
    public void A_bad_remove_selector_is_reported_with_its_json_path()
    {
        var errors = ErrorsOf($$"""
            { "profiles": { "kpu-blog": { "remove": [".ads-inline", "div[class=", 7] } }, "sources": [ {{Blora()}} ] }
            """);

        Assert.Equal(["$.profiles.kpu-blog.remove[1]", "$.profiles.kpu-blog.remove[2]"], errors.Select(e => e.Path));
        Assert.Contains("not a valid CSS selector", errors[0].Message);
    }

    [Fact]
    public void Remove_must_be_a_list()
    {
        var error = Assert.Single(ErrorsOf($$"""
            { "profiles": { "kpu-blog": { "remove": ".ads-inline" } }, "sources": [ {{Blora()}} ] }
            """));

        Assert.Equal("$.profiles.kpu-blog.remove", error.Path);
    }

    [Fact]
    public void Shipped_kpu_blog_profile_removes_inline_ads_and_share_blocks()
    {
        var profile = ConfigLoader.LoadFile(Path.Combine(RepoRoot.Path, "feeds.json")).Sources.First().Profile;

        Assert.Contains(".ads-inline", profile.Remove);
        Assert.Contains(".post-share", profile.Remove);
    }

    [Fact]
    public void Duplicate_id_names_both_places()
    {
        var errors = ErrorsOf($$"""{ {{Profiles}}, "sources": [ {{Blora()}}, {{Blora()}} ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.sources[1].id", error.Path);
        Assert.Contains("$.sources[0]", error.Message);
    }

    [Fact]
    public void Unknown_profile_lists_the_defined_ones()
    {
        var error = Assert.Single(ErrorsOf($$"""{ {{Profiles}}, "sources": [ {{Blora().Replace("\"kpu-blog\"", "\"kpu\"")}} ] }"""));

        Assert.Equal("$.sources[0].profile", error.Path);
        Assert.Contains("kpu-blog", error.Message);
    }

    [Theory]
    [InlineData("\"30s\"")]
    [InlineData("\"8d\"")]
    [InlineData("\"00:00:10\"")]
    [InlineData("15")]
    public void Interval_outside_one_minute_to_seven_days_or_not_a_string_is_rejected(string interval)
    {
        var error = Assert.Single(ErrorsOf($$"""{ {{Profiles}}, "sources": [ {{Blora($", \"interval\": {interval}")}} ] }"""));

        Assert.Equal("$.sources[0].interval", error.Path);
    }

    [Fact]
    public void Article_pattern_without_slug_group_is_rejected()
    {
        var error = Assert.Single(ErrorsOf("""
            { "profiles": { "p": { "articlePatterns": [ "^https://x/read/\\d+$" ] } },
              "sources": [ { "id": "a", "name": "A", "region": "r", "url": "https://a.example", "profile": "p" } ] }
            """));

        Assert.Equal("$.profiles.p.articlePatterns[0]", error.Path);
    }

    [Fact]
    public void Malformed_json_reports_line_and_column()
    {
        var error = Assert.Single(ErrorsOf("{\n  \"sources\": [\n    { \"id\": \"a\" \n  ]\n}"));

        Assert.Equal("$", error.Path);
        Assert.Contains("line", error.Message);
    }

    [Fact]
    public void Missing_file_is_a_config_error_naming_the_file()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.LoadFile("/nonexistent/feeds.json"));

        Assert.Contains("/nonexistent/feeds.json", e.Message);
    }

    [Fact]
    public void Selecting_an_unknown_source_id_names_it()
    {
        var catalog = Load(Blora());

        var e = Assert.Throws<ArgumentException>(() => catalog.Select(["kab-atlantis"]));
        Assert.Contains("kab-atlantis", e.Message);
    }

    [Fact]
    public void A_source_url_with_credentials_is_rejected_by_path()
    {
        var error = Assert.Single(ErrorsOf($$"""{ {{Profiles}}, "sources": [ {{Blora().Replace("https://kab-blora", "https://admin:rahasia@kab-blora")}} ] }"""));

        Assert.Equal("$.sources[0].url", error.Path);
        Assert.Contains("user:pass@", error.Message);
        Assert.DoesNotContain("rahasia", error.Message);
    }

    [Theory]
    [InlineData("articlePatterns", "[ \"(?<slug>(a+)+)$\" ]", "$.profiles.kpu-blog.articlePatterns[0]")]
    [InlineData("articlePatterns", "[ \"^https?://[^/]+/blog/read/(?<slug>([a-z]+-?)+)$\" ]", "$.profiles.kpu-blog.articlePatterns[0]")]
    [InlineData("titleSeparatorPattern", "\"(\\\\s+)+$\"", "$.profiles.kpu-blog.titleSeparatorPattern")]
    public void A_pattern_that_times_out_on_a_test_string_is_rejected_by_path(string field, string value, string path)
    {
        var json = $$"""{ "profiles": { "kpu-blog": { "{{field}}": {{value}} } }, "sources": [ {{Blora()}} ] }""";

        var error = Assert.Single(ErrorsOf(json));

        Assert.Equal(path, error.Path);
        Assert.Contains("catastrophic backtracking", error.Message);
    }

    [Fact]
    public void A_source_name_over_100_characters_is_rejected_by_path()
    {
        var longName = "KPU Kabupaten " + new string('B', 90);
        var json = $$"""{ {{Profiles}}, "sources": [ {{Blora()}}, {{Blora().Replace("kab-blora", "kab-rembang").Replace("KPU Kabupaten Blora", longName)}} ] }""";

        var error = Assert.Single(ErrorsOf(json));

        Assert.Equal("$.sources[1].name", error.Path);
        Assert.Contains("at most 100", error.Message);
    }
}
