using FeedHub.Host.Composition;
using FeedHub.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// Puts edits of feeds.json in force without a restart. Editors save in bursts of events, or write a
/// temporary file and rename it over the original, so the directory is watched for the file's name and
/// reloading waits until events have been quiet for <see cref="Debounce"/>. An invalid edit is logged with
/// every error and the running configuration stays.
/// </summary>
internal sealed class FeedsFileWatcher(AppPaths paths, LiveCatalog catalog, TimeProvider clock, ILogger<FeedsFileWatcher> log)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    private readonly string path = Path.GetFullPath(paths.Config);
    private FileSystemWatcher? watcher;
    private ITimer? quiet;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        quiet = clock.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnEvent;
        watcher.Created += OnEvent;
        watcher.Renamed += OnEvent;
        watcher.Error += (_, e) =>
        {
            log.LogWarning(e.GetException(), "Watching {Path} missed events; reloading it", path);
            Poke();
        };
        watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        quiet?.Dispose();
        watcher = null;
        quiet = null;
    }

    /// <summary>Loads feeds.json and puts it in force when valid; otherwise logs each error and keeps the configuration running.</summary>
    /// <returns>Whether the file was put in force.</returns>
    public bool Reload()
    {
        try
        {
            var next = ConfigLoader.LoadFile(path);
            catalog.Replace(next);
            log.LogInformation("{Path} reloaded: {Count} source(s) in force", path, next.Sources.Count);
            return true;
        }
        catch (ConfigException e)
        {
            log.LogError("{Path} was edited but is invalid ({Count} error(s)); the running configuration of {Running} source(s) stays",
                path, e.Errors.Count, catalog.Current.Sources.Count);
            foreach (var error in e.Errors)
                log.LogError("{Path} {JsonPath}: {Message}", path, error.Path, error.Message);
            return false;
        }
    }

    private void OnEvent(object? sender, FileSystemEventArgs e) => Poke();

    private void Poke() => quiet?.Change(Debounce, Timeout.InfiniteTimeSpan);
}
