using FeedHub.Monitoring;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>The dashboard table's columns that <c>?sort=</c> accepts.</summary>
public enum SortKey
{
    Name,
    Status,
    LastSuccess,
    Newest,
    Week,
    Month,
    Failures,
    Next,
}

/// <summary>How the overview table is ordered, read from and written back to plain <c>?sort=&amp;dir=</c> links.</summary>
public sealed record SortOrder(SortKey Key, bool Descending)
{
    private static readonly (string Name, SortKey Key)[] Names =
    [
        ("name", SortKey.Name), ("status", SortKey.Status), ("last-success", SortKey.LastSuccess), ("newest", SortKey.Newest),
        ("week", SortKey.Week), ("month", SortKey.Month), ("failures", SortKey.Failures), ("next", SortKey.Next),
    ];

    /// <summary>Problems first: broken, failing, quiet, pending, then ok; by name within each.</summary>
    public static readonly SortOrder Default = new(SortKey.Status, Descending: true);

    public string Name => Names.First(n => n.Key == Key).Name;

    /// <summary>Reads <c>sort</c> and <c>dir</c>; null with a reason when either is unknown.</summary>
    public static SortOrder? Parse(string? sort, string? dir, out string? error)
    {
        error = null;
        var key = Default.Key;
        if (!string.IsNullOrEmpty(sort))
        {
            var match = Names.FirstOrDefault(n => n.Name == sort);
            if (match.Name is null)
            {
                error = $"unknown sort '{sort}'; use one of: {string.Join(", ", Names.Select(n => n.Name))}";
                return null;
            }
            key = match.Key;
        }
        switch (dir)
        {
            case null or "": return new SortOrder(key, DefaultDescending(key));
            case "asc": return new SortOrder(key, false);
            case "desc": return new SortOrder(key, true);
            default:
                error = $"unknown dir '{dir}'; use asc or desc";
                return null;
        }
    }

    /// <summary>
    /// The link a column header carries: the other direction for the current column, its natural one otherwise
    /// (or this direction with <paramref name="keepDirection"/>); a status filter is carried along.
    /// </summary>
    public string LinkFor(SortKey key, SourceStatus? filter, bool keepDirection = false)
    {
        var descending = key == Key ? Descending ^ !keepDirection : DefaultDescending(key);
        var link = $"/?sort={Names.First(n => n.Key == key).Name}&dir={(descending ? "desc" : "asc")}";
        return filter is { } status ? link + "&status=" + status.Slug() : link;
    }

    /// <summary>
    /// Sorts rows by this order, the region's own provincial office first whatever the order; ties and missing
    /// values fall back to the name, so the order is stable.
    /// </summary>
    public IEnumerable<SourceReport> Apply(IEnumerable<SourceReport> rows)
    {
        var pinned = rows.OrderBy(r => IsRegencyOrCity(r.Source.Id) ? 1 : 0);
        var ordered = Descending ? pinned.ThenByDescending(Value) : pinned.ThenBy(Value);
        return ordered.ThenBy(r => r.Source.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Source.Id, StringComparer.Ordinal);
    }

    // Regency and city offices are named by their KPU host (kab-blora, kota-semarang); the province's office is not (jateng).
    private static bool IsRegencyOrCity(string id) =>
        id.StartsWith("kab-", StringComparison.Ordinal) || id.StartsWith("kota-", StringComparison.Ordinal);

    // Names sort as text, everything else as a number; absent times count as the earliest.
    private IComparable Value(SourceReport row) => Key switch
    {
        SortKey.Name => row.Source.Name.ToUpperInvariant(),
        SortKey.Status => row.Health.Status.Severity(),
        SortKey.LastSuccess => Ticks(row.State?.LastSuccess),
        SortKey.Newest => Ticks(row.Activity?.Newest?.Published),
        SortKey.Week => row.Activity?.PublishedLast7Days ?? 0,
        SortKey.Month => row.Activity?.PublishedLast30Days ?? 0,
        SortKey.Failures => row.State?.ConsecutiveFailures ?? 0,
        SortKey.Next => Ticks(row.State?.NextDue),
        _ => throw new ArgumentOutOfRangeException(nameof(Key), Key, "Unknown sort key."),
    };

    private static long Ticks(DateTimeOffset? value) => value?.UtcTicks ?? long.MinValue;

    private static bool DefaultDescending(SortKey key) => key is not (SortKey.Name or SortKey.Next);
}
