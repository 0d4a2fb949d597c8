using System.Globalization;
using FeedHub.Extraction;
using FeedHub.Monitoring;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>Values as the provincial office reads them, the same in every language: WIB wall time, plain numbers.</summary>
public static class Display
{
    public static string Time(DateTimeOffset? value) => value is { } v
        ? TimeZoneInfo.ConvertTime(v, StatusBoard.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " WIB"
        : "—";

    /// <summary>"3 h ago", or "in 5 min" for a future time; "never" when absent (the terminal's words; pages use <see cref="PageContext.Age"/>).</summary>
    public static string Age(DateTimeOffset? value, DateTimeOffset now) => value switch
    {
        null => "never",
        { } v when v > now => "in " + Durations.Words(v - now),
        { } v => Durations.Words(now - v) + " ago",
    };

    /// <summary>ISO 8601 for machine-readable attributes.</summary>
    public static string? Iso(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
