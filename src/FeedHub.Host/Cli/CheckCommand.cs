using System.CommandLine;
using FeedHub.Host.Composition;
using FeedHub.Sources;
using FeedHub.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub check`: validate feeds.json (and settings) without touching the network or database.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check", "Validate feeds.json and the settings only; exit 0 when valid, 2 with every error listed") { config };
        command.SetAction((parse, _) => CommandGuard.RunAsync(() =>
        {
            using var host = AppHost.CreateCommandHost(parse.GetValue(config), database: null);
            var fetch = host.Services.GetRequiredService<IOptions<FetchOptions>>().Value;
            var path = host.Services.GetRequiredService<AppPaths>().Config;
            var catalog = ConfigLoader.LoadFile(path);
            var html = catalog.Sources.Count(s => s.Kind == SourceKind.Html);
            Console.WriteLine($"{path}: ok — {catalog.Sources.Count} sources ({html} html, {catalog.Sources.Count - html} feed), " +
                              $"{catalog.Profiles.Count} profile(s), {catalog.Sources.Select(s => s.Region).Distinct().Count()} region(s); " +
                              $"settings ok (at least {fetch.MinHostGap.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s between requests to one host)");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
