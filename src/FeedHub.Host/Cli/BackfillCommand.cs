using System.CommandLine;
using FeedHub.Crawling;
using FeedHub.Host.Composition;
using FeedHub.Sources;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub backfill`: walk older list pages to fill history, resuming where the last backfill stopped.</summary>
public static class BackfillCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var db = CommonOptions.Database();
        var sources = CommonOptions.Sources("Backfill only this source id (repeatable); default: every HTML source");
        var pages = new Option<int>("--pages") { Description = "New list pages to walk per category beyond the stored position", Required = true };
        var command = new Command("backfill", "Fill history from older list pages, politely and resumably; exit 0 all ok, 1 some failed, 2 bad config")
        {
            config, db, sources, pages,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            var budget = parse.GetValue(pages);
            if (budget is < 1 or > 10_000) throw new ArgumentException($"--pages must be between 1 and 10000, got {budget}");
            using var host = AppHost.CreateCommandHost(parse.GetValue(config), parse.GetValue(db));
            var selected = (await Pipeline.StartAsync(host.Services, ct, only: parse.GetValue(sources))).Selected;
            foreach (var feed in selected.Where(s => s.Kind != SourceKind.Html))
                Console.WriteLine($"{feed.Id}: skipped — a feed has no list pages to backfill");
            var backfill = ActivatorUtilities.CreateInstance<SourceBackfill>(host.Services, host.Services.GetRequiredService<CrawlSettings>().Options(maxPages: 1));
            var results = await WalkAsync(backfill, selected.Where(s => s.Kind == SourceKind.Html).ToList(), budget, ct);

            foreach (var result in results)
                Console.WriteLine(result.Error is null
                    ? $"{result.SourceId}: ok — {result.New} new, {result.Updated} updated; position {Describe(result.Position)}"
                    : $"{result.SourceId}: failed: {result.Error} ({result.New} new before it; position {Describe(result.Position)})");
            return results.Any(r => r.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Backfills the sources in parallel (the fetcher keeps each host polite) with one progress bar per source.</summary>
    private static async Task<IReadOnlyList<BackfillResult>> WalkAsync(
        SourceBackfill backfill, IReadOnlyList<Source> sources, int pages, CancellationToken ct)
    {
        var results = new BackfillResult[sources.Count];
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var bars = sources.Select(s => progress.AddTask(Markup.Escape(s.Id), maxValue: s.Categories.Count * pages)).ToArray();
                await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, sources.Count), CancellationToken = ct },
                    async (i, token) =>
                    {
                        results[i] = await backfill.RunAsync(sources[i], pages, token, step =>
                        {
                            bars[i].Increment(step.Steps);
                            bars[i].Description = Markup.Escape($"{step.SourceId} {step.Category} p{step.Page}");
                        });
                        bars[i].Value = bars[i].MaxValue;
                    });
            });
        return results;
    }

    private static string Describe(IReadOnlyDictionary<int, int> position) => position.Count == 0
        ? "none"
        : string.Join(", ", position.OrderBy(p => p.Key).Select(p => $"category {p.Key} page {p.Value}"));
}
