using System.Diagnostics;
using System.Globalization;

namespace FeedHub.Bench;

/// <summary>This process's CPU time and peak resident memory, for before/after deltas.</summary>
internal static class ProcessStats
{
    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>VmHWM from /proc/&lt;process&gt;/status: the most resident memory a process has ever had (Linux).</summary>
    /// <param name="process">"self", or a child's process id.</param>
    public static long PeakRssBytes(string process = "self") => StatusBytes("VmHWM:", process);

    /// <summary>VmRSS from /proc/self/status: resident memory now (Linux).</summary>
    public static long RssBytes() => StatusBytes("VmRSS:", "self");

    private static long StatusBytes(string field, string process)
    {
        foreach (var line in File.ReadLines($"/proc/{process}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"/proc/{process}/status has no {field} line; RSS is measured on Linux only.");
    }
}

/// <summary>Wall and CPU time of one measured stretch of work.</summary>
internal sealed class CostMeter
{
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly TimeSpan cpuStarted = ProcessStats.CpuTime();
    private readonly long allocatedStarted = GC.GetTotalAllocatedBytes();

    public TimeSpan Wall => Stopwatch.GetElapsedTime(started);
    public TimeSpan Cpu => ProcessStats.CpuTime() - cpuStarted;
    public long Allocated => GC.GetTotalAllocatedBytes() - allocatedStarted;
}
