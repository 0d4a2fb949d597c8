using FeedHub.Host.Composition;
using FeedHub.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// Puts edits of feeds.json in force without a restart. Editors save in bursts of events, or write a
/// temporary file and rename it over the original, so the directory is watched for the file's name and
/// reloading waits until events have been quiet for <see cref="Debounce"/>. An invalid edit is logged with
/// every error and the running configuration stays. A file reached through symlinks (a Kubernetes ConfigMap
/// swaps the <c>..data</c> link the file points through) changes without any event for its own name, so the
/// content is also hashed every <see cref="PollInterval"/> and a changed hash reloads it too.
/// </summary>
internal sealed class FeedsFileWatcher(AppPaths paths, LiveCatalog catalog, TimeProvider clock, ILogger<FeedsFileWatcher> log)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly string path = Path.GetFullPath(paths.Config);
    private FileSystemWatcher? watcher;
    private ITimer? quiet;
    private ITimer? poll;
    private byte[] seen = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        seen = ContentHash();
        quiet = clock.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        poll = clock.CreateTimer(_ => PokeWhenContentChanged(), null, PollInterval, PollInterval);
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
        poll?.Dispose();
        watcher = null;
        quiet = null;
        poll = null;
    }

    /// <summary>Loads feeds.json and puts it in force when valid; otherwise logs each error and keeps the configuration running.</summary>
    /// <returns>Whether the file was put in force.</returns>
    public bool Reload()
    {
        seen = ContentHash();
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

    private void PokeWhenContentChanged()
    {
        if (!ContentHash().AsSpan().SequenceEqual(seen))
            Poke();
    }

    /// <summary>SHA-256 of the file as read through any symlinks; empty while it cannot be read (mid-swap), which the next poll retries.</summary>
    private byte[] ContentHash()
    {
        try
        {
            using var stream = File.OpenRead(path);
            return System.Security.Cryptography.SHA256.HashData(stream);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
