using System.Net;
using System.Text.RegularExpressions;
using FeedHub.Fixtures;

namespace FeedHub.Tests.Fixtures;

/// <summary>Dates the fixtures type into bodies: every §5 form, right weekdays, and truthful expectations.</summary>
public sealed class FixtureDateTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private const string Weekday = "(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)";
    private const string Month = "(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agt|Agu|Ags|Sep|Okt|Nov|Nop|Des)";

    public static TheoryData<DateForm, string> FormPatterns => new()
    {
        { DateForm.NumericWithWeekday, $@"{Weekday} \(\d{{1,2}}/\d{{1,2}}/2025\)" },
        { DateForm.Numeric, @"\(\d\d/\d\d/2025\)" },
        { DateForm.NoYear, $@"(?:{Weekday} )?\(\d{{1,2}}/\d{{1,2}}\) –" },
        { DateForm.Indonesian, $@"{Weekday}, \d{{1,2}} {Month} 2025" },
        { DateForm.IndonesianInParentheses, $@"{Weekday}, \(\d{{1,2}} {Month} 2025\)" },
        { DateForm.DatelineHyphen, $@"[A-Z][a-z]+, \d{{1,2}} {Month} 2025- " },
        { DateForm.DatelineEnDash, $@"[A-Z][a-z]+ – \d{{1,2}} {Month} 2025" },
        { DateForm.DatelineBrackets, @"[A-Z][a-z]+, \[\d{1,2}/\d{1,2}/2025\] –" },
        { DateForm.English, @"\d\d (?:Oct|Nov|Dec) 2025" },
        { DateForm.YearTypo, $@"\d{{1,2}} {Month} (?:2015|2026)" },
    };

    [Theory]
    [MemberData(nameof(FormPatterns))]
    public async Task Every_date_form_appears_on_the_list_pages_of_a_36_site_farm(DateForm form, string pattern)
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        using var http = new HttpClient();
        var site = farm.Sites.First(s => s.Articles.Any(a => a.DateForm == form));
        var article = site.Articles.First(a => a.DateForm == form);
        var page = site.Articles.ToList().IndexOf(article) / site.PageSize + 1;
        var text = WebUtility.HtmlDecode(await http.Get(site.ListUri(104, page)));
        Assert.Matches(new Regex(pattern), text);
    }

    [Fact]
    public async Task Every_date_form_is_used_somewhere_in_a_36_site_farm()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        var used = farm.Sites.SelectMany(s => s.Articles).Select(a => a.DateForm).ToHashSet();
        Assert.Equal(Enum.GetValues<DateForm>().ToHashSet(), used);
    }

    [Theory]
    [InlineData("2025-12-10T10:00:00+07:00", "Nopember")]
    [InlineData("2025-12-10T10:00:00+07:00", "Jum'at")]
    [InlineData("2025-12-10T10:00:00+07:00", "Nop ")]
    [InlineData("2025-09-20T10:00:00+07:00", "Agt ")]
    [InlineData("2025-09-20T10:00:00+07:00", "Agu ")]
    public async Task Operator_spellings_appear_in_bodies(string now, string spelling)
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains(farm.Sites.SelectMany(s => s.Articles), a => a.BodyText.Contains(spelling, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Weekday_names_match_the_published_day()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        string[] names = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
        var weekday = new Regex($@"\b{Weekday}\b");
        foreach (var article in farm.Sites.SelectMany(s => s.Articles))
        {
            var match = weekday.Match(article.BodyText);
            if (!match.Success) continue;
            var expected = names[(int)article.Published.ToOffset(Wib).DayOfWeek];
            Assert.Equal(expected, match.Value.Replace("'", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Dates_fall_within_about_sixty_days_before_now_newest_first()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        foreach (var site in farm.Sites.Where(s => !s.PostsSparsely && !s.HasMigratedArchive))
        {
            Assert.All(site.Articles, a => Assert.InRange(a.Published, FarmFixture.Now.AddDays(-92), FarmFixture.Now));
            Assert.Equal(site.Articles.OrderByDescending(a => a.Published).Select(a => a.Slug), site.Articles.Select(a => a.Slug));
            Assert.All(site.Articles.Take(site.PageSize), a => Assert.True(FarmFixture.Now - a.Published < TimeSpan.FromDays(30)));
        }
    }

    [Fact]
    public async Task A_sparse_poster_spreads_list_page_one_over_about_three_months()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        var sparse = farm.Sites.Where(s => s.PostsSparsely).ToArray();
        Assert.NotEmpty(sparse);
        foreach (var site in sparse)
        {
            var page = site.Articles.Take(site.PageSize).ToArray();
            Assert.InRange((page[0].Published - page[^1].Published).TotalDays, 5 * (page.Length - 2), 15 * page.Length);
        }
    }

    [Fact]
    public async Task A_migrated_archive_ends_in_2019_2020_posts_dated_only_by_a_wordpress_meta_line()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        var migrated = farm.Sites.Where(s => s.HasMigratedArchive).ToArray();
        Assert.NotEmpty(migrated);
        using var http = new HttpClient();
        foreach (var site in migrated)
        {
            var imported = site.Articles.Where(a => a.DateForm == DateForm.WordPressMeta).ToArray();
            Assert.NotEmpty(imported);
            Assert.Equal(imported, site.Articles.TakeLast(imported.Length));
            Assert.All(imported, a => Assert.InRange(a.Published.Year, 2019, 2020));
            var html = await http.GetStringAsync(imported[0].UrlOn(site));
            Assert.Matches(@"\| 0 (?:Comments|Komentar) \| (?:By|Oleh) admin|Posted on \w+ \d{1,2}, 20(?:19|20) by admin", html);
            Assert.DoesNotContain("<time", html);
            Assert.DoesNotContain("article:published_time", html);
        }
    }

    [Fact]
    public async Task Expected_dates_are_noon_wib_for_body_text_and_typos_exact_for_meta_and_absent_when_undated()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        foreach (var article in farm.Sites.SelectMany(s => s.Articles))
        {
            switch (article.ExpectedDateSource)
            {
                case "Meta":
                    Assert.Equal(article.Published, article.ExpectedPublished);
                    break;
                case "BodyText":
                    Assert.Equal(new DateTimeOffset(article.Published.ToOffset(Wib).Date.AddHours(12), Wib), article.ExpectedPublished);
                    Assert.NotEqual(DateForm.None, article.DateForm);
                    break;
                default:
                    Assert.Equal("ListOrder", article.ExpectedDateSource);
                    Assert.Null(article.ExpectedPublished);
                    Assert.Equal(DateForm.None, article.DateForm);
                    break;
            }
        }
    }

    [Fact]
    public async Task Dates_without_a_year_are_only_used_within_the_current_year()
    {
        var now = new DateTimeOffset(2026, 1, 10, 9, 0, 0, Wib);
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = now });
        var noYear = farm.Sites.SelectMany(s => s.Articles).Where(a => a.DateForm == DateForm.NoYear).ToArray();
        Assert.NotEmpty(noYear);
        Assert.All(noYear, a => Assert.Equal(2026, a.Published.ToOffset(Wib).Year));
    }

    [Fact]
    public async Task Meta_sites_publish_the_time_in_article_published_time()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now });
        using var http = new HttpClient();
        var (site, article) = farm.Sites.SelectMany(s => s.Articles.Select(a => (Site: s, Article: a)))
            .First(x => x.Article.ExpectedDateSource == "Meta");
        var html = await http.Get(article.UrlOn(site));
        var iso = article.ExpectedPublished!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(html.Contains($"<meta property=\"article:published_time\" content=\"{iso}\">") || html.Contains($"<time datetime=\"{iso}\">"));
    }
}
