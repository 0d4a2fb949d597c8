using FeedHub.Fixtures;
using FeedHub.Normalisation;
using Xunit.Abstractions;

namespace FeedHub.Tests.Web;

/// <summary>
/// The combined feed as a reader first sees it after a cold crawl of every template, sparse posters and
/// migrated archives: its first page is the farm's truly newest stories, not whatever the crawl met first.
/// </summary>
[Collection(FeedsServerCollection.Name)]
public sealed class CombinedFeedWindowTests(FeedsServer server, ITestOutputHelper output)
{
    private const int Window = 50;

    private sealed record Story(FixtureSite Site, FixtureArticle Truth)
    {
        public DateOnly Day => Newsday(Truth.Published);
        /// <summary>The page states the time of day (a meta date), so the feed can order it exactly within its day.</summary>
        public bool ShowsTime => Truth.ExpectedDateSource == "Meta";
        /// <summary>The page states no date at all: the feed can only place it between its dated list neighbours.</summary>
        public bool Undated => Truth.ExpectedPublished is null;
    }

    /// <summary>
    /// The first page of /feeds/all.atom holds exactly the newest 50 stories. Tie rule: a page that shows only
    /// a day (or no date) cannot say when on that day the story went up, and it is stored at the day's start.
    /// So at the boundary day (the day of the 50th newest) such a story may give its place to another story of
    /// that day; every story from a newer day, and every one among the newest 50 whose page shows its time,
    /// must be on the page, and nothing older than the boundary day may be. A story whose page shows no date at
    /// all is placed between its dated list neighbours, which bound but do not fix its day: it is exempt.
    /// </summary>
    [Fact]
    public async Task The_first_page_of_the_combined_feed_is_the_truly_newest_fifty()
    {
        var stories = server.Farm.Sites.SelectMany(site => site.Articles.Select(a => new Story(site, a)))
            .ToDictionary(s => CanonicalUrl.Of(s.Truth.UrlOn(s.Site), s.Site.BaseUri).AbsoluteUri);
        var newest = stories.Values.OrderByDescending(s => s.Truth.Published).Take(Window).ToHashSet();
        var boundary = newest.Min(s => s.Day);

        var page = FeedsReader.Read(FeedHub.Publishing.FeedFormat.Atom, await server.GetBytesAsync("feeds/all.atom"));

        var shown = page.Entries.Select(e => stories.GetValueOrDefault(e.Link) ?? throw new Xunit.Sdk.XunitException($"{e.Link} is no farm article")).ToList();
        Assert.Equal(Window, shown.Count);
        var missing = newest.Except(shown).ToList();
        var extra = shown.Except(newest).ToList();
        output.WriteLine($"boundary day {boundary}; {missing.Count} of the newest {Window} missing, {extra.Count} older shown instead");
        foreach (var s in missing.Concat(extra))
            output.WriteLine($"  {(missing.Contains(s) ? "missing" : "extra  ")} {s.Site.Id} {s.Truth.Published:o} {s.Truth.DateForm} {s.Truth.Title}");
        Assert.All(missing.Where(s => !s.Undated), s => Assert.True(s.Day == boundary && !s.ShowsTime,
            $"{s.Site.Id} {s.Truth.Title} ({s.Truth.Published:o}, {s.Truth.DateForm}) is missing from the first page"));
        Assert.All(extra.Where(s => !s.Undated), s => Assert.True(s.Day == boundary,
            $"{s.Site.Id} {s.Truth.Title} ({s.Truth.Published:o}, {s.Truth.DateForm}) is on the first page instead of a newer story"));
        var dated = shown.Where(s => !s.Undated).ToList();
        for (var i = 1; i < dated.Count; i++)
            Assert.True(dated[i - 1].Day >= dated[i].Day, $"{dated[i].Truth.Title} ({dated[i].Day}) is shown after an older story ({dated[i - 1].Day})");
    }

    private static DateOnly Newsday(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(7)).DateTime);
}
