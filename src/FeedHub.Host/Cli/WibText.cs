using System.Globalization;
using FeedHub.Sources;

namespace FeedHub.Host.Cli;

/// <summary>
/// Times as the commands print them: in WIB (UTC+07:00, the KPU sites' own zone), whatever the machine's zone,
/// so an operator's terminal and a script read the same instant the same way.
/// </summary>
public static class WibText
{
    /// <summary>"2025-11-03 14:05 WIB", for people.</summary>
    public static string Text(DateTimeOffset value) =>
        value.ToOffset(TimeZones.Wib.BaseUtcOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " WIB";

    /// <summary>"2025-11-03T14:05:00+07:00", for scripts: ISO 8601 with the explicit WIB offset.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.ToOffset(TimeZones.Wib.BaseUtcOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? value) => value is { } v ? Iso(v) : null;
}
