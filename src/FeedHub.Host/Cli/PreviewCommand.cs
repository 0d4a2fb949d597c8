using System.CommandLine;
using FeedHub.Crawling;
using FeedHub.Host.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub preview`: what one source would yield, written nowhere — for tuning a profile.</summary>
public static class PreviewCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var source = new Option<string>("--source") { Description = "The source id to preview", Required = true };
        var pages = new Option<int?>("--pages") { Description = "List pages to read (default 1)" };
        var command = new Command("preview", "Fetch one source and print what would be stored, writing nothing") { config, source, pages };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            // A throwaway database: preview must not touch the real store, not even its validators.
            var scratch = Path.Combine(Path.GetTempPath(), $"feedhub-preview-{Guid.NewGuid():N}.db");
            try
            {
                using var host = AppHost.CreateCommandHost(parse.GetValue(config), scratch);
                var target = (await Pipeline.StartAsync(host.Services, ct, only: [parse.GetValue(source)!])).Selected[0];
                var report = await host.Services.GetRequiredService<SourceCrawler>().CrawlAsync(
                    target, new CrawlOptions { MaxPages = parse.GetValue(pages) ?? 1, DryRun = true }, ct);
                foreach (var item in report.Items)
                {
                    Console.WriteLine(item.Title);
                    Console.WriteLine($"  link:    {item.Link}");
                    Console.WriteLine($"  id:      {item.Id}");
                    Console.WriteLine($"  date:    {WibText.Text(item.Published)} (from {item.DateSource})");
                    Console.WriteLine($"  image:   {item.ImageUrl ?? "-"}");
                    Console.WriteLine($"  content: {item.ContentHtml.Length} characters; category {item.Category ?? "-"}; author {item.Author ?? "-"}");
                }
                foreach (var error in report.ArticleErrors) Console.WriteLine($"article failed: {error.Url}: {error.Error}");
                Console.WriteLine(report.Outcome == CrawlOutcome.Ok
                    ? $"{report.SourceId}: {report.Items.Count} item(s) from {report.Requests} request(s); nothing written"
                    : $"{report.SourceId}: failed: {report.Error}");
                return report.Outcome == CrawlOutcome.Ok ? ExitCodes.Ok : ExitCodes.Failed;
            }
            finally
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(scratch + suffix);
            }
        }));
        return command;
    }
}
