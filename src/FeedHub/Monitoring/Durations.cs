using System.Globalization;

namespace FeedHub.Monitoring;

/// <summary>Short spans in words ("3 days", "5 h", "12 min") for reasons, tables and ages.</summary>
public static class Durations
{
    public static string Words(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        return span.TotalDays >= 2 ? ((int)span.TotalDays).ToString(CultureInfo.InvariantCulture) + " days"
            : span.TotalHours >= 1 ? ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + " h"
            : span.TotalMinutes >= 1 ? ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min"
            : ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
    }
}
