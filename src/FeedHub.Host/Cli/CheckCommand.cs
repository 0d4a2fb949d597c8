using System.CommandLine;
using System.Globalization;
using FeedHub.Host.Composition;
using FeedHub.Sources;
using FeedHub.Fetching;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub check`: validate feeds.json and every setting `run` reads, without touching the network or database.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check", "Validate feeds.json and every setting `run` reads; exit 0 when valid, 2 with every error listed") { config };
        command.SetAction(async (parse, _) =>
        {
            var configuration = SettingsCheck.Load();
            var path = parse.GetValue(config) ?? configuration.GetSection("Paths").Get<AppPaths>()?.Config ?? new AppPaths().Config;
            var settings = SettingsCheck.Problems(configuration);
            SourceCatalog? catalog = null;
            try
            {
                catalog = ConfigLoader.LoadFile(path);
            }
            catch (ConfigException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
            }
            if (settings.Count > 0)
                await Console.Error.WriteLineAsync($"appsettings.json / FEEDHUB__ settings: {settings.Count} error(s):" + Environment.NewLine +
                                                   string.Join(Environment.NewLine, settings.Select(p => "  " + p)));
            if (catalog is null || settings.Count > 0) return ExitCodes.BadConfig;

            var fetch = new FetchOptions();
            configuration.GetSection("Fetch").Bind(fetch);
            var html = catalog.Sources.Count(s => s.Kind == SourceKind.Html);
            Console.WriteLine($"{path}: ok — {catalog.Sources.Count} sources ({html} html, {catalog.Sources.Count - html} feed), " +
                              $"{catalog.Profiles.Count} profile(s), {catalog.Sources.Select(s => s.Region).Distinct().Count()} region(s); " +
                              $"settings ok (at least {fetch.MinHostGap.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s between requests to one host)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
