using System.Diagnostics;
using System.Text.Json;

namespace FeedHub.Bench;

/// <summary>
/// Runs a measured part of the benchmark in a fresh process of this same program, so its CPU time and
/// peak memory are its own (not the fixture farm's, not earlier sections'). Results come back as
/// one JSON line per step on stdout; the parent answers each with a line on stdin to go on.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    public const string CrawlMode = "crawl-child";
    public const string DownloadMode = "download-child";
    private const string ResultPrefix = "RESULT ";

    private readonly Process process;

    private ChildProcess(Process process) => this.process = process;

    public static ChildProcess Start(params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable to start a child process.");
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {self} {string.Join(' ', args)}."));
    }

    /// <summary>The child's next result; throws when it exits without one.</summary>
    public async Task<T> ReadAsync<T>(CancellationToken ct)
    {
        while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
                return JsonSerializer.Deserialize<T>(line[ResultPrefix.Length..])
                       ?? throw new InvalidDataException($"The child process sent an empty result: {line}");
        await process.WaitForExitAsync(ct);
        throw new InvalidOperationException($"The child process {process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} exited with code {process.ExitCode} before sending a result (its stderr is above).");
    }

    public async Task ContinueAsync() => await process.StandardInput.WriteLineAsync("go");

    public async Task WaitAsync(CancellationToken ct)
    {
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"The child process exited with code {process.ExitCode}.");
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }

    /// <summary>The child's side: send one result, then wait for the parent's go-ahead (or its end).</summary>
    public static async Task SendAsync<T>(T result)
    {
        await Console.Out.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(result));
        await Console.Out.FlushAsync();
    }

    public static async Task AwaitGoAsync() => await Console.In.ReadLineAsync();
}
