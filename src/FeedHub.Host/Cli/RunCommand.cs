using System.CommandLine;
using FeedHub.Host.Composition;
using Microsoft.Extensions.Hosting;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub run`: the long-running worker — scheduler, feeds and dashboard in one process until Ctrl-C or SIGTERM.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var db = CommonOptions.Database();
        var urls = new Option<string?>("--urls")
        {
            Description = "Addresses the web server listens on, separated by ';' (default http://127.0.0.1:5080)",
        };
        var command = new Command("run", "Crawl every source on its schedule and serve feeds and the dashboard until stopped; exit 2 on bad config")
        {
            config, db, urls,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            SettingsCheck.ThrowIfInvalid(SettingsCheck.Load());
            var settings = new WebAppSettings { Config = parse.GetValue(config), Database = parse.GetValue(db) };
            settings = settings with { Urls = ListenUrls.Check(parse.GetValue(urls) is { Length: > 0 } listen ? listen : settings.Urls, "--urls") };
            await using var app = await WebApp.BuildAsync(settings, ct);
            // The command line owns Ctrl-C and SIGTERM: they cancel ct, which stops the host.
            await app.RunAsync(ct);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
