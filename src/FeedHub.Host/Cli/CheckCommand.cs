using System.CommandLine;
using FeedHub.Host.Composition;
using FeedHub.Sources;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub check`: validate feeds.json (and settings) without touching the network or database.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check", "Validate the configuration only; exit 0 when valid, 2 with every error listed") { config };
        command.SetAction((parse, _) => CommandGuard.RunAsync(() =>
        {
            var configuration = new ConfigurationBuilder();
            AppHost.AddConfigurationSources(configuration);
            var paths = configuration.Build().GetSection("Paths").Get<AppPaths>() ?? new AppPaths();
            var path = parse.GetValue(config) ?? paths.Config;
            var catalog = ConfigLoader.LoadFile(path);
            var html = catalog.Sources.Count(s => s.Kind == SourceKind.Html);
            Console.WriteLine($"{path}: ok — {catalog.Sources.Count} sources ({html} html, {catalog.Sources.Count - html} feed), " +
                              $"{catalog.Profiles.Count} profile(s), {catalog.Sources.Select(s => s.Region).Distinct().Count()} region(s)");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
