using System.Diagnostics;

namespace FeedHub.Tests.Host;

/// <summary>Runs the real `feedhub` executable (copied beside the tests) as a child process.</summary>
public static class FeedhubProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "feedhub.dll");

    /// <summary>A start description with fast politeness for loopback fixtures.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["FEEDHUB__Fetch__MinHostGap"] = "00:00:00.020";
        info.Environment["FEEDHUB__Fetch__MaxParallelHosts"] = "16";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunAsync(StartInfo(workingDirectory, args));

    /// <summary>Runs <paramref name="info"/> (from <see cref="StartInfo"/>, perhaps with more environment) to the end.</summary>
    public static async Task<Result> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
