using FeedHub.Monitoring;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>The dashboard table's columns that <c>?sort=</c> accepts.</summary>
internal enum SortKey
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
internal sealed record SortOrder(SortKey Key, bool Descending)
{
    private static readonly (string Name, SortKey Key)[] Names =
    [
        ("name", SortKey.Name), ("status", SortKey.Status), ("last-success", SortKey.LastSuccess), ("newest", SortKey.Newest),
        ("week", SortKey.Week), ("month", SortKey.Month), ("failures", SortKey.Failures), ("next", SortKey.Next),
    ];

    public static readonly SortOrder Default = new(SortKey.Name, Descending: false);

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

    /// <summary>The link a column header carries: the other direction for the current column, its natural one otherwise.</summary>
    public string LinkFor(SortKey key)
    {
        var descending = key == Key ? !Descending : DefaultDescending(key);
        return $"/?sort={Names.First(n => n.Key == key).Name}&dir={(descending ? "desc" : "asc")}";
    }

    /// <summary>Sorts rows by this order; ties and missing values fall back to the name, so the order is stable.</summary>
    public IEnumerable<SourceReport> Apply(IEnumerable<SourceReport> rows)
    {
        var ordered = Descending ? rows.OrderByDescending(Value) : rows.OrderBy(Value);
        return ordered.ThenBy(r => r.Source.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Source.Id, StringComparer.Ordinal);
    }

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
