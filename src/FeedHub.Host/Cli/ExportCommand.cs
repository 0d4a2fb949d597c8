using System.CommandLine;
using FeedHub.Host.Composition;
using FeedHub.Host.Web.Feeds;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>
/// `feedhub export`: every feed, its monthly archives and the OPML list as static files under the server's paths,
/// rendered exactly as `feedhub run` serves them, so any web server can host the folder.
/// </summary>
public static class ExportCommand
{
    /// <summary>The base URL links use when neither <c>--base-url</c> nor <c>Web:PublicBaseUrl</c> is given: `run`'s default address.</summary>
    public const string DefaultBaseUrl = "http://127.0.0.1:5080/";

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var db = CommonOptions.Database();
        var output = new Option<string>("--out")
        {
            Description = "Folder to write feeds/… and opml into (created if missing; files are replaced atomically)",
            Required = true,
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"Public URL the folder is served at, for absolute links (default: {PublicBase.Setting}, else {DefaultBaseUrl})",
        };
        var command = new Command("export", "Write every feed, its monthly archives and the OPML list as static files; exit 0 ok, 1 storage or file error, 2 bad config")
        {
            config, db, output, baseUrl,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(parse.GetValue(config), parse.GetValue(db));
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            var urls = parse.GetValue(baseUrl) is { } flag
                ? PublicUrls.Parse(flag, "--base-url")
                : PublicUrls.Parse(configuration[PublicBase.Setting] is { Length: > 0 } text ? text : DefaultBaseUrl, PublicBase.Setting);
            var pipeline = await Pipeline.StartAsync(host.Services, ct);
            var store = host.Services.GetRequiredService<ItemStore>();
            var time = host.Services.GetRequiredService<TimeProvider>();
            var renderer = new FeedRenderer(store, new ChangeStampCache(store, time, TimeSpan.Zero), new RenderCache(), time, staticSite: true);
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            try
            {
                var written = await new StaticExport(renderer, store).WriteAsync(folder, new PublishedSources(pipeline.Catalog.Sources), urls, ct);
                Console.WriteLine($"exported {written.Count} file(s) to {folder} for {urls.Base}");
                return ExitCodes.Ok;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"export error: {e.Message}");
                return ExitCodes.Failed;
            }
        }));
        return command;
    }
}
