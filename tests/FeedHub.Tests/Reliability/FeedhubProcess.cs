using System.Diagnostics;
using System.Text;

namespace FeedHub.Tests.Reliability;

/// <summary>The real <c>feedhub</c> executable (feedhub.dll beside the tests), run as its own process.</summary>
internal sealed class FeedhubProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private FeedhubProcess(Process process) => this.process = process;

    /// <summary>Standard output so far (thread-safe snapshot).</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public string Errors
    {
        get { lock (errors) return errors.ToString(); }
    }

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts <c>dotnet feedhub.dll <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>, with a
    /// short host gap so fixture crawls are quick, plus <paramref name="environment"/>.
    /// </summary>
    public static FeedhubProcess Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "feedhub.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["FEEDHUB__Fetch__MinHostGap"] = "00:00:00.020";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var running = new FeedhubProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (running.output) running.output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (running.errors) running.errors.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Runs to the end (at most <paramref name="limit"/>) and returns the exit code.</summary>
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(
        string workingDirectory, IEnumerable<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var running = Start(workingDirectory, arguments, environment);
        var exit = await running.WaitAsync(limit);
        return (exit, running.Output, running.Errors);
    }

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"feedhub did not finish within {limit}; output:\n{Output}\nerrors:\n{Errors}");
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no finally blocks, no flush, no goodbye.</summary>
    public void KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
