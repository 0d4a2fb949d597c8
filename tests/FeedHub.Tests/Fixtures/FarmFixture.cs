using System.Net;
using System.Text.RegularExpressions;
using FeedHub.Fixtures;

namespace FeedHub.Tests.Fixtures;

/// <summary>A 36-site farm shared read-only by a test class; tests that mutate sites start their own.</summary>
public sealed class FarmFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 12, 10, 10, 0, 0, TimeSpan.FromHours(7));

    public FixtureFarm Farm { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() => Farm = await FixtureFarm.StartAsync(new FarmOptions { Now = Now });

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Farm.DisposeAsync();
    }
}

/// <summary>Reads fixture pages the way a crawler sees them: raw HTML and the article links in it.</summary>
internal static partial class PageText
{
    [GeneratedRegex(@"href=""(?<href>[^""]*(?:/blog/read/|/berita/baca/)[^""]*)""")]
    private static partial Regex ArticleHref();

    /// <summary>Article paths linked on a page in order of first appearance, without <c>/index.php</c>, host or port.</summary>
    public static IReadOnlyList<string> ArticlePaths(string html, Uri page) => ArticleHref().Matches(html)
        .Select(m => new Uri(page, WebUtility.HtmlDecode(m.Groups["href"].Value)).AbsolutePath)
        .Select(path => path.StartsWith("/index.php/", StringComparison.Ordinal) ? path["/index.php".Length..] : path)
        .Distinct()
        .ToArray();

    public static string Canonical(string articlePath) =>
        articlePath.StartsWith("/index.php/", StringComparison.Ordinal) ? articlePath["/index.php".Length..] : articlePath;

    public static async Task<string> Get(this HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
