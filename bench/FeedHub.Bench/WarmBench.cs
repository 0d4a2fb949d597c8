using FeedHub.Fixtures;

namespace FeedHub.Bench;

/// <summary>
/// Section 2: a second pass right after the cold one, with every page's view counters changed (the farm
/// changes them on every request). Target: one request per list page, no article fetched again.
/// </summary>
internal static class WarmBench
{
    public const string Section = "2. Warm cycle";

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var results = context.Results;
        foreach (var (sites, articles) in context.CrawlScales)
        {
            var session = await context.CrawlAsync(sites, articles, ct);
            var warm = session.Warm;
            var scale = $"{sites} sites";
            var listPages = warm.Requests.Count(IsListPage);
            var articlePages = warm.Requests.Count(r => !IsListPage(r) && !IsRobots(r));
            var perSource = (double)warm.Requests.Count / sites;
            var listPagesPerSource = (double)listPages / sites;
            results.Add(Section, new Measure($"{scale}: requests per source", Fmt.N(perSource, 2), Fmt.N(listPagesPerSource, 2) + " list page(s)",
                Target: "= list pages", Met: warm.Requests.Count == listPages && listPages == sites));
            results.Add(Section, new Measure($"{scale}: article pages refetched", Fmt.N(articlePages), Target: "0", Met: articlePages == 0));
            results.Add(Section, new Measure($"{scale}: CPU time per source", Fmt.Ms(warm.Result.CpuMs / sites)));
            results.Add(Section, new Measure($"{scale}: wall time of the pass", Fmt.Ms(warm.Result.WallMs)));
            results.Add(Section, new Measure($"{scale}: items new / updated", $"{warm.Result.New} / {warm.Result.Updated}", Target: "0 / 0",
                Met: warm.Result.New == 0 && warm.Result.Updated == 0));
        }
        results.Note(Section, "Same process as the cold pass (robots.txt cached, as in a running worker). The fixture's list pages send no validators, so a list page is one plain GET; article pages do send them, and none is refetched.");
    }

    private static bool IsRobots(LoggedRequest request) => request.PathAndQuery.StartsWith("/robots.txt", StringComparison.Ordinal);

    private static bool IsListPage(LoggedRequest request) => request.PathAndQuery.Contains("/blog/category/", StringComparison.Ordinal);
}
