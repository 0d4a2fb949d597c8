using FeedHub.Fixtures;

namespace FeedHub.Tests.Fixtures;

public sealed class FixtureDeterminismTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_sites_and_articles()
    {
        await using var first = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now, Seed = 7 });
        await using var second = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now, Seed = 7 });
        Assert.Equal(Summary(first), Summary(second));
    }

    [Fact]
    public async Task Another_seed_gives_other_articles()
    {
        await using var first = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now, Seed = 7 });
        await using var second = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now, Seed = 8 });
        Assert.NotEqual(Summary(first), Summary(second));
    }

    [Fact]
    public async Task Serves_550_sites_beyond_the_real_ones_with_synthetic_ids()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now, SiteCount = 550 });
        using var http = new HttpClient();
        var last = farm.Sites[^1];
        Assert.Equal(("kab-contoh-550", "127.0.3.42"), (last.Id, last.BaseUri.Host));
        Assert.Equal(30, last.Articles.Count);
        Assert.Contains("KPU Kabupaten Contoh 550", await http.Get(last.ListUri(104)));
    }

    [Fact]
    public async Task Several_categories_each_get_their_own_list()
    {
        await using var farm = await FixtureFarm.StartAsync(new FarmOptions { Now = FarmFixture.Now, SiteCount = 2, ArticlesPerSite = 4, Categories = [104, 105] });
        using var http = new HttpClient();
        var site = farm.Sites[0];
        Assert.Equal(8, site.Articles.Count);
        var url = site.ListUri(105);
        var html = await http.Get(url);
        Assert.Contains("<h1>Sosialisasi</h1>", html);
        Assert.Equal(site.Articles.Where(a => a.CategoryId == 105).Take(site.PageSize).Select(a => PageText.Canonical(a.Path)), PageText.ArticlePaths(html, url));
    }

    private static string Summary(FixtureFarm farm) => string.Join("\n", farm.Sites.SelectMany(s =>
        new[] { $"{s.Id} {s.Markup} {s.List} {s.PageSize} {s.Robots} {s.SendsValidators}" }
            .Concat(s.Articles.Select(a => $"{a.Path}|{a.Title}|{a.Published:O}|{a.ExpectedPublished:O}|{a.DateForm}|{a.Category}|{a.BodyText}|{a.ImageUrl?.Split('/', 4)[^1]}"))));
}
