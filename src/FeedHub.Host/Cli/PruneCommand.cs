using System.CommandLine;
using FeedHub.Host.Composition;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub prune`: retention by hand or from cron; deletes items older than an age, or with --dry-run lists what it would delete.</summary>
public static class PruneCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var olderThan = new Option<string?>("--older-than")
        {
            Description = "Delete items published longer ago than this, e.g. 365d (default: Retention:MaxAge)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be deleted, per source, and delete nothing" };
        var command = new Command("prune", "Delete items older than an age; feeds page on consistently afterwards") { db, olderThan, dryRun };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(config: null, parse.GetValue(db));
            var (text, setting) = parse.GetValue(olderThan) is { } flag
                ? (flag, "--older-than")
                : (host.Services.GetRequiredService<RetentionSettings>().MaxAge, "Retention:MaxAge");
            if (text is null)
                throw new ArgumentException("no age to prune at: pass --older-than (e.g. 365d) or set Retention:MaxAge");
            var age = Retention.ParseAge(text, setting);
            host.Services.GetRequiredService<AppPaths>().RequireDatabase(host.Services.GetRequiredService<StorageSettings>());
            await host.Services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(ct);
            var retention = host.Services.GetRequiredService<Retention>();
            if (parse.GetValue(dryRun))
            {
                var cutoff = retention.Cutoff(age);
                var doomed = await ItemsCommand.ReadAllAsync(host.Services.GetRequiredService<ItemStore>(),
                    new ItemFilter { Until = cutoff }, int.MaxValue, ct);
                Console.WriteLine($"would prune {doomed.Count} item(s) published before {WibText.Text(cutoff)}; nothing removed (--dry-run)");
                foreach (var source in doomed.GroupBy(i => i.SourceId).OrderBy(g => g.Key, StringComparer.Ordinal))
                    Console.WriteLine($"  {source.Key}: {source.Count()} item(s), {WibText.Text(source.Min(i => i.Published))} … {WibText.Text(source.Max(i => i.Published))}");
                return ExitCodes.Ok;
            }
            var (pruned, before) = await retention.PruneAsync(age, ct);
            Console.WriteLine($"pruned {pruned} item(s) published before {WibText.Text(before)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
