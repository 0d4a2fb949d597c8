namespace FeedHub.Normalisation;

/// <summary>
/// What a date typed by an operator is read against: the moment FeedHub first saw the item (to infer a
/// missing year and to give a time to a bare date of the same day) and the source's zone (dates carry none).
/// </summary>
/// <param name="FirstSeen">When the item was first seen; the fallback published time.</param>
/// <param name="Zone">The source's zone, used for dates and times without an explicit zone.</param>
public sealed record DateParseContext(DateTimeOffset FirstSeen, TimeZoneInfo Zone)
{
    /// <summary>
    /// The published time of the entry listed just before this one. Lists run newest first, so a date far older than its newer neighbour is a
    /// year typo ("5 April 2013" for 2023); null when there is no neighbour to compare with.
    /// </summary>
    public DateTimeOffset? Neighbour { get; init; }

    /// <summary>First-seen as a wall-clock time in <see cref="Zone"/>.</summary>
    internal DateTimeOffset FirstSeenInZone => TimeZoneInfo.ConvertTime(FirstSeen, Zone);
}

/// <summary>A date expression found in prose.</summary>
/// <param name="Value">The moment it denotes.</param>
/// <param name="Index">Where the expression starts in the prose.</param>
/// <param name="Length">How many characters it spans.</param>
/// <param name="HasTime">Whether it states a time of day; without one, <paramref name="Value"/> stands for its whole day.</param>
public sealed record FoundDate(DateTimeOffset Value, int Index, int Length, bool HasTime);
