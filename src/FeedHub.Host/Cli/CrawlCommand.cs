using System.CommandLine;
using FeedHub.Crawling;
using FeedHub.Host.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub crawl`: one pass over the configured sources; a line per source.</summary>
public static class CrawlCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var db = CommonOptions.Database();
        var sources = CommonOptions.Sources("Crawl only this source id (repeatable); default: all");
        var pages = new Option<int?>("--pages") { Description = "List pages to follow per category while they hold only new articles (default 3)" };
        var command = new Command("crawl", "Crawl every configured source once; exit 0 all ok, 1 some failed, 2 bad config")
        {
            config, db, sources, pages,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(parse.GetValue(config), parse.GetValue(db));
            var settings = host.Services.GetRequiredService<CrawlSettings>();
            var maxPages = parse.GetValue(pages) ?? settings.MaxPages;
            if (maxPages is < 1 or > 1000) throw new ArgumentException($"--pages must be between 1 and 1000, got {maxPages}");
            var selected = (await Pipeline.StartAsync(host.Services, ct, only: parse.GetValue(sources))).Selected;

            var reports = await host.Services.GetRequiredService<CrawlPass>().RunAsync(
                selected, settings.Options(maxPages), ct, r => Console.WriteLine(r.Summary));
            var failed = reports.Count(r => r.Outcome == CrawlOutcome.Failed);
            Console.WriteLine($"crawled {reports.Count} source(s): {reports.Count - failed} ok, {failed} failed; " +
                              $"{reports.Sum(r => r.New)} new, {reports.Sum(r => r.Updated)} updated, {reports.Sum(r => r.Unchanged)} unchanged");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }
}
