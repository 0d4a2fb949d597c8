using FeedHub.Extraction;
using Xunit.Abstractions;

namespace FeedHub.Tests.Extraction;

/// <summary>The feedparser conformance files (tests/conformance/feedparser): parse rate and failure shape.</summary>
public sealed class FeedConformanceTests(ITestOutputHelper output)
{
    private static readonly Uri FeedUrl = new("http://127.0.0.1:8097/feed.xml");

    private sealed record Outcome(string Path, bool Parsed, Exception? Error);

    private static List<Outcome> Run(string group)
    {
        var root = Path.Combine(ConformanceCorpus.Suite("feedparser"), "tests", group);
        Assert.True(Directory.Exists(root), $"conformance group missing: {root}");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order().Select(path =>
        {
            try
            {
                FeedDocumentParser.Parse(File.ReadAllText(path), FeedUrl);
                return new Outcome(path, true, null);
            }
            catch (Exception e)
            {
                return new Outcome(path, false, e);
            }
        }).ToList();
    }

    private static string Describe(IEnumerable<Outcome> outcomes) =>
        string.Join("\n", outcomes.Take(15).Select(o => $"{Path.GetFileName(o.Path)}: {o.Error?.GetType().Name} {o.Error?.Message}"));

    [Theory]
    [InlineData("wellformed/rss")]
    [InlineData("wellformed/atom")]
    [InlineData("wellformed/atom10")]
    [InlineData("wellformed/rdf")]
    public void Parses_at_least_90_percent_of_wellformed_feeds(string group)
    {
        var outcomes = Run(group);
        var failed = outcomes.Where(o => !o.Parsed).ToList();
        output.WriteLine($"{group}: {outcomes.Count - failed.Count}/{outcomes.Count} parsed");
        Assert.True(failed.Count * 10 <= outcomes.Count,
            $"{group}: {outcomes.Count - failed.Count}/{outcomes.Count} parsed; failures:\n{Describe(failed)}");
    }

    [Theory]
    [InlineData("wellformed")]
    [InlineData("illformed")]
    [InlineData("encoding")]
    [InlineData("entities")]
    [InlineData("json")]
    public void Fails_only_with_FeedFormatException(string group)
    {
        var crashes = Run(group).Where(o => o.Error is not null and not FeedFormatException).ToList();
        Assert.True(crashes.Count == 0, $"{group}: {crashes.Count} unexpected exception types:\n{Describe(crashes)}");
    }

    [Theory]
    [InlineData("illformed/aaa_illformed.xml")]
    [InlineData("illformed/rss_empty_document.xml")]
    [InlineData("illformed/rss_incomplete_cdata.xml")]
    [InlineData("illformed/undeclared_namespace.xml")]
    public void Rejects_illformed_xml_with_position(string file)
    {
        var path = Path.Combine(ConformanceCorpus.Suite("feedparser"), "tests", file);
        var error = Assert.Throws<FeedFormatException>(() => FeedDocumentParser.Parse(File.ReadAllText(path), FeedUrl));
        Assert.Contains(FeedUrl.ToString(), error.Message);
    }

    [Fact]
    public void Reads_the_json_feed_example()
    {
        var path = Path.Combine(ConformanceCorpus.Suite("feedparser"), "tests", "json", "example.json");
        var feed = FeedDocumentParser.Parse(File.ReadAllText(path), FeedUrl);
        Assert.Equal("My Example Feed", feed.Title);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal(["test", "JSON"], feed.Entries[0].Tags);
        Assert.Equal("you", feed.Entries[1].Author);
    }
}
