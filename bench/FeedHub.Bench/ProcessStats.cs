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

    /// <summary>VmHWM from /proc/self/status: the most resident memory this process has ever had (Linux).</summary>
    public static long PeakRssBytes() => StatusBytes("VmHWM:");

    /// <summary>VmRSS from /proc/self/status: resident memory now (Linux).</summary>
    public static long RssBytes() => StatusBytes("VmRSS:");

    private static long StatusBytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"/proc/self/status has no {field} line; RSS is measured on Linux only.");
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
