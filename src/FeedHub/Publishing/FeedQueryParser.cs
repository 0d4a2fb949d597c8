using System.Globalization;
using System.Text.RegularExpressions;
using FeedHub.Sources;

namespace FeedHub.Publishing;

/// <summary>
/// Validates the query parameters of a feed request. Every bad value becomes a
/// <see cref="FeedQueryException"/> naming the parameter (a 400 for the reader, never a 500);
/// unknown parameters are ignored so tracking tags and cache busters do no harm.
/// </summary>
public static partial class FeedQueryParser
{
    public const int MaxTextLength = 200;
    /// <summary>Every search term is one more FTS5 posting list to intersect; a handful finds anything.</summary>
    public const int MaxTerms = 20;
    public const int MaxSources = 50;
    public const int MaxCategoryLength = 100;

    /// <summary>Every parameter a live feed takes, in canonical order.</summary>
    private static readonly string[] Parameters = ["q", "source", "category", "since", "limit", "before"];

    public static FeedQuery Parse(
        FeedScope scope, FeedFormat format, IReadOnlyDictionary<string, string?> query, IReadOnlyCollection<string> knownSourceIds)
    {
        var category = Value(query, "category") is { } c ? ParseCategory(c) : null;
        if (scope.Kind == FeedScopeKind.Category && category is not null && category != scope.Key)
            throw new FeedQueryException("category", $"Parameter 'category' ({Quote(category)}) contradicts this feed's category {Quote(scope.Key)}; leave it out.");
        return new FeedQuery(scope, format)
        {
            Text = Value(query, "q") is { } q ? ParseSearchText(q) : null,
            SourceIds = Value(query, "source") is { } s ? ParseSources(s, knownSourceIds) : [],
            Category = category,
            Since = Value(query, "since") is { } since ? ParseSince(since) : null,
            Limit = Value(query, "limit") is { } limit ? ParseLimit(limit) : FeedQuery.DefaultLimit,
            Before = Value(query, "before") is { } before ? ParseBefore(before) : null,
        };
    }

    /// <summary>
    /// The request for an archive document. An archive is a fixed document (every item of its
    /// month), so any feed parameter is refused with a <see cref="FeedQueryException"/> naming it;
    /// unknown parameters are ignored, as on live feeds.
    /// </summary>
    public static FeedQuery ParseArchive(
        FeedScope scope, FeedFormat format, ArchiveMonth month, IReadOnlyDictionary<string, string?> query)
    {
        var archive = new FeedQuery(scope, format) { Archive = month };
        if (Parameters.FirstOrDefault(query.ContainsKey) is { } parameter)
            throw new FeedQueryException(parameter,
                $"Parameter '{parameter}' does not apply to the archive document {archive.Path}: it holds every item of {month} (WIB) " +
                $"and never changes. Leave it out, or use it on the live feed {FeedPath.For(scope, format)}.");
        return archive;
    }

    private static string? Value(IReadOnlyDictionary<string, string?> query, string name) =>
        query.TryGetValue(name, out var value) ? value ?? "" : null;

    /// <summary>Search text as typed in a feed's or the dashboard's <c>q</c>: trimmed, bounded in length and terms.</summary>
    public static string ParseSearchText(string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0)
            throw new FeedQueryException("q", "Parameter 'q' is empty; give one or more words to search for, or leave it out.");
        if (text.Length > MaxTextLength)
            throw new FeedQueryException("q", $"Parameter 'q' is {text.Length} characters long; the limit is {MaxTextLength}.");
        var terms = FeedHub.Storage.SearchQuery.Terms(text);
        if (terms.Count == 0)
            throw new FeedQueryException("q", $"Parameter 'q' ({Quote(text)}) holds no word to search for; use letters or digits.");
        if (terms.Count > MaxTerms)
            throw new FeedQueryException("q", $"Parameter 'q' holds {terms.Count} terms; the limit is {MaxTerms}.");
        return text;
    }

    private static IReadOnlyList<string> ParseSources(string raw, IReadOnlyCollection<string> known)
    {
        var ids = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(id => id.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (ids.Count == 0)
            throw new FeedQueryException("source", "Parameter 'source' is empty; give a comma-separated list of source ids such as kab-blora,kota-semarang.");
        if (ids.Count > MaxSources)
            throw new FeedQueryException("source", $"Parameter 'source' lists {ids.Count} sources; the limit is {MaxSources}.");
        var unknown = ids.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
            throw new FeedQueryException("source", $"Parameter 'source' names unknown source ids: {string.Join(", ", unknown.Take(5).Select(Quote))}.");
        return ids;
    }

    private static string ParseCategory(string raw)
    {
        var category = raw.Trim();
        if (category.Length == 0)
            throw new FeedQueryException("category", "Parameter 'category' is empty; give a category name or leave it out.");
        if (category.Length > MaxCategoryLength)
            throw new FeedQueryException("category", $"Parameter 'category' is {category.Length} characters long; the limit is {MaxCategoryLength}.");
        return category;
    }

    /// <summary>
    /// An ISO 8601 date (meaning 00:00 WIB) or date-time; a date-time without offset is WIB too.
    /// A space in place of the offset's '+' is accepted: it is what an unencoded '+' becomes in a query string.
    /// </summary>
    private static DateTimeOffset ParseSince(string raw)
    {
        var text = raw.Trim();
        var m = IsoDateTime().Match(text);
        if (m.Success
            && DateTime.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && TimeOfDay(m.Groups["time"]) is { } time
            && Offset(m.Groups["zone"]) is { } offset)
        {
            // Compared before subtracting: an instant off the calendar (0001-01-01 WIB is in year 0 UTC)
            // would throw inside DateTime arithmetic.
            var local = date + time;
            if (local >= DateTime.MinValue + TimeSpan.FromDays(1) && local <= DateTime.MaxValue - TimeSpan.FromDays(1))
                return new DateTimeOffset(local, offset);
        }
        throw new FeedQueryException("since",
            $"Parameter 'since' ({Quote(text)}) is not an ISO 8601 date or date-time; use e.g. 2026-01-05 (00:00 WIB) or 2026-01-05T08:30:00+07:00.");
    }

    private static TimeSpan? TimeOfDay(Group time)
    {
        if (!time.Success)
            return TimeSpan.Zero;
        string[] formats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];
        return TimeOnly.TryParseExact(time.Value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.ToTimeSpan()
            : null;
    }

    private static TimeSpan? Offset(Group zone)
    {
        if (!zone.Success)
            return TimeZones.Wib.BaseUtcOffset;
        if (zone.Value is "Z" or "z")
            return TimeSpan.Zero;
        var hours = int.Parse(zone.Value.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(zone.Value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
            return null;
        var offset = new TimeSpan(hours, minutes, 0);
        return zone.Value[0] == '-' ? -offset : offset;
    }

    private static int ParseLimit(string raw)
    {
        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= FeedQuery.MaxLimit)
            return limit;
        throw new FeedQueryException("limit", $"Parameter 'limit' ({Quote(raw)}) must be a whole number from 1 to {FeedQuery.MaxLimit}; the default is {FeedQuery.DefaultLimit}.");
    }

    private static Storage.ItemCursor ParseBefore(string raw) =>
        PageCursor.TryDecode(raw.Trim(), out var cursor)
            ? cursor
            : throw new FeedQueryException("before", $"Parameter 'before' ({Quote(raw)}) is not a paging cursor of this server; follow the feed's 'next' link instead of writing one.");

    /// <summary>The value in quotes, shortened so a huge parameter cannot flood the answer.</summary>
    private static string Quote(string value) =>
        "'" + (value.Length > 60 ? value[..60] + "…" : value) + "'";

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ](?<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?)(?<zone>[Zz]|[+\- ][0-9]{2}:[0-9]{2})?)?$")]
    private static partial Regex IsoDateTime();
}
