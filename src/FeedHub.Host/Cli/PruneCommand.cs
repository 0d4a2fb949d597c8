using System.CommandLine;
using System.Globalization;
using FeedHub.Host.Composition;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub prune`: retention by hand or from cron; deletes items older than an age.</summary>
public static class PruneCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var olderThan = new Option<string?>("--older-than")
        {
            Description = "Delete items published longer ago than this, e.g. 365d (default: Retention:MaxAge)",
        };
        var command = new Command("prune", "Delete items older than an age; feeds page on consistently afterwards") { db, olderThan };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(config: null, parse.GetValue(db));
            var (text, setting) = parse.GetValue(olderThan) is { } flag
                ? (flag, "--older-than")
                : (host.Services.GetRequiredService<RetentionSettings>().MaxAge, "Retention:MaxAge");
            if (text is null)
                throw new ArgumentException("no age to prune at: pass --older-than (e.g. 365d) or set Retention:MaxAge");
            var age = Retention.ParseAge(text, setting);
            await host.Services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(ct);
            var (pruned, cutoff) = await host.Services.GetRequiredService<Retention>().PruneAsync(age, ct);
            Console.WriteLine($"pruned {pruned} item(s) published before {cutoff.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
