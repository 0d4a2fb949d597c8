using System.Diagnostics;
using AngleSharp.Html.Parser;
using FeedHub.Extraction;
using FeedHub.Normalisation;

namespace FeedHub.Bench;

/// <summary>
/// Section 5: article pages of ~60 KB through extraction and normalisation (sanitising included) on one
/// thread, against a bare AngleSharp parse of the same pages. Target: at least 40 % of the floor.
/// </summary>
internal static class ExtractBench
{
    public const string Section = "5. Extraction";
    private const double MinShare = 0.40;

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        context.Progress.WriteLine("extract: downloading fixture article pages and padding them to ~60 KB…");
        var (_, _, samples) = await ArticleSamples.DownloadAsync(36, context.Options.Quick ? 2 : 5, ct);
        var pages = samples.Select((p, i) => p with { Html = PagePadding.Pad(p.Html, i) }).ToList();
        var unchanged = samples.Zip(pages).Count(pair => Pipeline(pair.First).ContentHash == Pipeline(pair.Second).ContentHash);
        var duration = context.Options.Quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(5);

        var (floor, feedHub) = Alternating(pages, page => new HtmlParser().ParseDocument(page.Html), page => Pipeline(page), duration);
        var share = feedHub / floor;
        var results = context.Results;
        results.Add(Section, new Measure("article pages per second, one thread", Fmt.N(feedHub), Fmt.N(floor), Fmt.Percent(share),
            $"≥ {MinShare * 100:N0} % of floor", share >= MinShare));
        results.Add(Section, new Measure("mean page size", Fmt.N(pages.Average(p => p.Html.Length) / 1024.0, 1) + " KB"));
        results.Add(Section, new Measure("padded pages giving the same item as unpadded", $"{unchanged} / {pages.Count}"));
        results.Note(Section, $"FeedHub: ArticleExtractor.Extract (AngleSharp parse, title, dates, body, cleaning) + ItemNormaliser.Normalise (HtmlSanitizer, summary, content hash), per page; floor: new HtmlParser().ParseDocument(html). {pages.Count} fixture pages padded with stylesheet, mega menu, sidebar teasers, footer and scripts; each side runs {duration.TotalSeconds:N1} s in all, in alternating slices of {Slice.TotalMilliseconds:N0} ms after a warm-up pass, so a noisy neighbour or late JIT tiering hits both alike.");
    }

    private static Item Pipeline(ArticleSample page) =>
        ItemNormaliser.Normalise(ArticleExtractor.Extract(page.Html, page.Url, page.Source), page.Source, page.Url.AbsoluteUri,
            CrawlSession.FarmNow, known: null).Item;

    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);

    /// <summary>Pages per second of <paramref name="floor"/> and of <paramref name="pipeline"/>, measured in alternating slices.</summary>
    private static (double Floor, double Pipeline) Alternating(
        IReadOnlyList<ArticleSample> pages, Action<ArticleSample> floor, Action<ArticleSample> pipeline, TimeSpan duration)
    {
        foreach (var page in pages)
        {
            floor(page);
            pipeline(page);
        }
        var (floorPages, floorTime, pipelinePages, pipelineTime) = (0, TimeSpan.Zero, 0, TimeSpan.Zero);
        while (floorTime < duration || pipelineTime < duration)
        {
            floorPages += Run(floor, floorPages, ref floorTime);
            pipelinePages += Run(pipeline, pipelinePages, ref pipelineTime);
        }
        return (floorPages / floorTime.TotalSeconds, pipelinePages / pipelineTime.TotalSeconds);

        int Run(Action<ArticleSample> work, int next, ref TimeSpan spent)
        {
            var done = 0;
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < Slice)
                work(pages[(next + done++) % pages.Count]);
            spent += Stopwatch.GetElapsedTime(started);
            return done;
        }
    }
}
