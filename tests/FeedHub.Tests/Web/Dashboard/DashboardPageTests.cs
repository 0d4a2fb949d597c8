using System.Net;
using System.Text.RegularExpressions;
using FeedHub.Host.Web;

namespace FeedHub.Tests.Web.Dashboard;

public sealed class DashboardPageTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task The_overview_shows_one_row_per_source_with_its_status()
    {
        var (status, body, _) = await host.GetAsync("/?sort=name");

        Assert.Equal(200, status);
        var rows = Regex.Matches(body, "data-source=\"(?<id>[^\"]+)\" data-status=\"(?<status>[^\"]+)\"")
            .Select(m => (m.Groups["id"].Value, m.Groups["status"].Value)).ToList();
        Assert.Equal([("kab-blora", "ok"), ("kab-rembang", "failing"), ("kota-semarang", "pending")], rows);
    }

    [Fact]
    public async Task A_hostile_title_is_shown_as_text_not_markup()
    {
        var (_, body, _) = await host.GetAsync("/");

        Assert.DoesNotContain("<script>alert", body);
        Assert.DoesNotContain("<img src=x", body);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt; Rapat Pleno", body);
    }

    [Fact]
    public async Task Html_pages_carry_a_strict_content_security_policy_and_nosniff()
    {
        var (_, _, response) = await host.GetAsync("/");

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void The_documented_policy_is_the_one_sent() =>
        Assert.Contains($"Content-Security-Policy: {SecurityHeaders.ContentSecurityPolicy}\n",
            File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "reliability.md")));

    [Theory]
    [InlineData("/sources/kab-blora")]
    [InlineData("/items?q=Bimtek")]
    [InlineData("/sources/kab-atlantis")]
    public async Task Every_dashboard_page_carries_the_one_policy(string path)
    {
        var (_, _, response) = await host.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var (_, body, _) = await host.GetAsync("/");

        Assert.DoesNotContain("<script", body);
        Assert.DoesNotContain("<style", body);
        Assert.DoesNotContain(" style=", body);
    }

    [Fact]
    public async Task Every_page_links_its_feeds_for_autodiscovery()
    {
        var (_, overview, _) = await host.GetAsync("/");
        var (_, source, _) = await host.GetAsync("/sources/kab-blora");

        Assert.Contains(("application/atom+xml", "All KPU news (Atom)", "/feeds/all.atom"), Alternates(overview));
        Assert.Contains(("application/rss+xml", "KPU Kabupaten Blora (RSS)", "/feeds/kab-blora.rss"), Alternates(source));
    }

    /// <summary>The decoded type, title and href of each <c>link rel=alternate</c>.</summary>
    private static List<(string Type, string Title, string Href)> Alternates(string html) =>
        Regex.Matches(html, "<link rel=\"alternate\" type=\"(?<type>[^\"]*)\" title=\"(?<title>[^\"]*)\" href=\"(?<href>[^\"]*)\" ?/?>")
            .Select(m => (WebUtility.HtmlDecode(m.Groups["type"].Value), WebUtility.HtmlDecode(m.Groups["title"].Value), WebUtility.HtmlDecode(m.Groups["href"].Value)))
            .ToList();

    [Fact]
    public async Task The_summary_counts_sources_by_status_and_links_the_combined_feeds_and_opml()
    {
        var (_, body, _) = await host.GetAsync("/");

        var summary = Regex.Match(body, "<p class=\"summary\">.*?</p>").Value;
        Assert.Contains("<strong>1</strong> <span class=\"badge ok\">ok</span>", summary);
        Assert.Contains("<strong>1</strong> <span class=\"badge failing\">failing</span>", summary);
        Assert.Contains("<strong>0</strong> <span class=\"badge broken\">broken extraction</span>", summary);
        Assert.Contains("href=\"/opml\"", body);
        Assert.Contains("href=\"/feeds/all.json\"", body);
    }

    [Fact]
    public async Task A_failing_source_shows_since_when_and_its_last_error_in_words()
    {
        var (_, body, _) = await host.GetAsync("/");

        var row = Regex.Match(body, "<tr id=\"source-kab-rembang\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("since 2025-12-09 14:00 WIB", row);
        Assert.Contains("HTTP 503 Service Unavailable", row);
    }

    [Fact]
    public async Task The_sparkline_has_one_bar_per_day_with_a_title()
    {
        var (_, body, _) = await host.GetAsync("/");

        var row = Regex.Match(body, "<tr id=\"source-kab-blora\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Equal(30, Regex.Matches(row, "<rect ").Count);
        Assert.Contains("<title>2025-12-09: 1 item</title>", row);
    }

    [Theory]
    [InlineData("/?sort=failures&dir=desc", new[] { "kab-rembang", "kab-blora", "kota-semarang" })]
    [InlineData("/?sort=name&dir=desc", new[] { "kota-semarang", "kab-rembang", "kab-blora" })]
    [InlineData("/?sort=week", new[] { "kab-blora", "kab-rembang", "kota-semarang" })]
    public async Task Sorts_rows_by_the_requested_column(string path, string[] expected)
    {
        var (_, body, _) = await host.GetAsync(path);

        Assert.Equal(expected, Regex.Matches(body, "data-source=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task The_current_sort_column_links_to_the_other_direction()
    {
        var (_, body, _) = await host.GetAsync("/?sort=failures&dir=desc");

        Assert.Contains("<th scope=\"col\" aria-sort=\"descending\"><a href=\"/?sort=failures&amp;dir=asc\">", body);
        Assert.Contains("<a href=\"/?sort=name&amp;dir=asc\">Source</a>", body);
    }

    [Theory]
    [InlineData("/?sort=colour")]
    [InlineData("/?sort=name&dir=up")]
    public async Task An_unknown_sort_is_a_400_in_plain_text(string path)
    {
        var (status, body, response) = await host.GetAsync(path);

        Assert.Equal(400, status);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("unknown", body);
    }

    [Fact]
    public async Task An_unknown_source_is_a_404_page()
    {
        var (status, body, _) = await host.GetAsync("/sources/kab-atlantis");

        Assert.Equal(404, status);
        Assert.Contains("No source &#x27;kab-atlantis&#x27; is configured.", body);
    }

    [Fact]
    public async Task The_source_page_shows_its_fetch_log_configuration_and_items()
    {
        var (status, body, _) = await host.GetAsync("/sources/kab-rembang");

        Assert.Equal(200, status);
        Assert.Contains("https://kab-rembang.kpu.go.id/index.php/blog/category/104", body);
        Assert.Contains("<td data-label=\"Status\" class=\"num\">503</td>", body);
        Assert.Contains("<dt>Profile</dt><dd>kpu-blog</dd>", body);
        Assert.Contains("Bimtek KPPS Rembang", body);
    }

    [Fact]
    public async Task Search_finds_items_by_words_of_their_title()
    {
        var (status, body, _) = await host.GetAsync("/items?q=Bimtek");

        Assert.Equal(200, status);
        Assert.Contains("Bimtek KPPS Rembang", body);
        Assert.DoesNotContain("Sosialisasi Pemilu", body);
    }

    [Fact]
    public async Task Search_rejects_a_forged_paging_token()
    {
        var (status, _, _) = await host.GetAsync("/items?q=pemilu&before=not-a-token!");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_its_fixed_path()
    {
        var (status, body, response) = await host.GetAsync("/static/site.css");

        Assert.Equal(200, status);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("@media (max-width: 700px)", body);
    }
}
