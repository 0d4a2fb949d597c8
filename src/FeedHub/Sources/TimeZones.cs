namespace FeedHub.Sources;

/// <summary>Indonesia's three zones as explicit offsets: none observes daylight saving.</summary>
public static class TimeZones
{
    public static readonly TimeZoneInfo Wib = Fixed("Asia/Jakarta", 7, "WIB");
    public static readonly TimeZoneInfo Wita = Fixed("Asia/Makassar", 8, "WITA");
    public static readonly TimeZoneInfo Wit = Fixed("Asia/Jayapura", 9, "WIT");

    /// <summary>Offset of an Indonesian zone abbreviation (WIB/WITA/WIT), or null.</summary>
    public static TimeSpan? OffsetOf(string abbreviation) => abbreviation.ToUpperInvariant() switch
    {
        "WIB" => TimeSpan.FromHours(7),
        "WITA" => TimeSpan.FromHours(8),
        "WIT" => TimeSpan.FromHours(9),
        _ => null,
    };

    /// <summary>
    /// A zone by IANA id or Indonesian abbreviation. The three Indonesian zones resolve to fixed
    /// offsets so results never depend on the machine's tz database; others come from the system.
    /// </summary>
    public static TimeZoneInfo? Find(string id) => id switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" or "WIB" => Wib,
        "Asia/Makassar" or "WITA" => Wita,
        "Asia/Jayapura" or "WIT" => Wit,
        "UTC" or "Etc/UTC" => TimeZoneInfo.Utc,
        _ => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null,
    };

    private static TimeZoneInfo Fixed(string id, int hours, string name) =>
        TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(hours), name, name);
}
