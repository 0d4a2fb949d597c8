using System.Globalization;
using System.Text.Json;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Crawling;

/// <summary>One list page walked by a backfill.</summary>
/// <param name="Steps">How much of the page budget this step used: 1, or all that was left when history ended.</param>
public sealed record BackfillStep(string SourceId, int Category, int Page, CrawlReport Report, int Steps);

/// <summary>What a backfill of one source did.</summary>
public sealed record BackfillResult(string SourceId, int New, int Updated, IReadOnlyDictionary<int, int> Position, string? Error);

/// <summary>
/// Fills history by walking older list pages of an HTML source, one page per step and politely (every
/// request passes the same fetcher as the worker's). After each page the deepest page that listed
/// articles is stored in <see cref="SourceState.BackfillPosition"/>, so an interrupted or repeated
/// backfill resumes where it stopped. Each step re-reads the last page it reached (all known, so one
/// cheap request) before the next one: the walk keeps its footing as new articles push history deeper,
/// and the end of history shows as a page with no entries rather than a failure.
/// </summary>
/// <param name="limits">The configured caps (entries per list page, articles per run, content bytes) each step keeps; defaults when null.</param>
public sealed class SourceBackfill(SourceCrawler crawler, SourceStateStore states, CrawlOptions? limits = null)
{
    /// <summary>Walks up to <paramref name="pages"/> new list pages per category of <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException">A feed source (it has no list pages) or a page count below 1.</exception>
    public async Task<BackfillResult> RunAsync(Source source, int pages, CancellationToken ct, Action<BackfillStep>? onStep = null)
    {
        if (source.Kind != SourceKind.Html)
            throw new ArgumentException($"source '{source.Id}' is a feed; only HTML sources have list pages to backfill");
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);

        var position = BackfillPosition.Parse((await states.GetAsync(source.Id, ct))?.BackfillPosition).ToDictionary();
        int created = 0, updated = 0;
        foreach (var category in source.Categories)
        {
            var reached = position.GetValueOrDefault(category);
            for (var step = 0; step < pages; step++)
            {
                var report = await crawler.CrawlAsync(source with { Categories = [category] }, (limits ?? new CrawlOptions()) with
                {
                    Backfill = true,
                    FirstPage = Math.Max(1, reached),
                    MaxPages = reached == 0 ? 1 : 2,
                }, ct);
                created += report.New;
                updated += report.Updated;
                if (report.Outcome == CrawlOutcome.Failed)
                    return new BackfillResult(source.Id, created, updated, position, report.Error);

                var deepest = report.DeepestPage.GetValueOrDefault(category);
                var ended = deepest <= reached;
                if (!ended)
                {
                    reached = deepest;
                    position[category] = reached;
                    await SaveAsync(source.Id, position, ct);
                }
                onStep?.Invoke(new BackfillStep(source.Id, category, reached, report, ended ? pages - step : 1));
                if (ended) break;
            }
        }
        return new BackfillResult(source.Id, created, updated, position, null);
    }

    private async Task SaveAsync(string sourceId, IReadOnlyDictionary<int, int> position, CancellationToken ct)
    {
        var state = await states.GetAsync(sourceId, ct) ?? SourceState.New(sourceId);
        await states.SaveAsync(state with { BackfillPosition = BackfillPosition.Format(position) }, ct);
    }
}

/// <summary>The stored backfill position: deepest list page reached per category, as JSON (<c>{"104":12}</c>).</summary>
public static class BackfillPosition
{
    /// <summary>The pages by category; empty for null, blank or unreadable JSON (the walk then starts over, harmlessly).</summary>
    public static IReadOnlyDictionary<int, int> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<int, int>();
        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
            return raw.Where(p => int.TryParse(p.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value);
        }
        catch (JsonException)
        {
            return new Dictionary<int, int>();
        }
    }

    public static string Format(IReadOnlyDictionary<int, int> position) => JsonSerializer.Serialize(
        position.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value));
}
