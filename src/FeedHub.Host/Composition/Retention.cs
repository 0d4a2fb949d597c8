using System.Globalization;
using FeedHub.Storage;

namespace FeedHub.Host.Composition;

/// <summary>How long items are kept, bound from the <c>Retention</c> section; nothing is pruned by default.</summary>
public sealed class RetentionSettings
{
    /// <summary>Items published longer ago than this may be pruned, e.g. "365d"; null keeps everything.</summary>
    public string? MaxAge { get; set; }
}

/// <summary>Retention: removes items older than an age, the same way for `feedhub prune` and the worker.</summary>
public sealed class Retention(ItemStore items, TimeProvider clock)
{
    /// <summary>Deletes items published before now minus <paramref name="age"/>; returns how many and the cutoff.</summary>
    public async Task<(int Pruned, DateTimeOffset Cutoff)> PruneAsync(TimeSpan age, CancellationToken ct)
    {
        var cutoff = Cutoff(age);
        return (await items.PruneAsync(cutoff, ct), cutoff);
    }

    /// <summary>Items published before this instant are older than <paramref name="age"/>.</summary>
    public DateTimeOffset Cutoff(TimeSpan age) => clock.GetUtcNow() - age;

    /// <summary>
    /// An age as operators write it: whole days ("365d") or a .NET time span ("30.00:00:00"); a bare
    /// number is refused, since "365" could mean days or seconds.
    /// </summary>
    /// <exception cref="ArgumentException">Not such an age, or not positive; the message names <paramref name="setting"/>.</exception>
    public static TimeSpan ParseAge(string text, string setting)
    {
        var trimmed = text.Trim();
        TimeSpan? age = trimmed.EndsWith('d') && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            ? TimeSpan.FromDays(days)
            : trimmed.Contains(':') && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) ? span : null;
        if (age is not { } positive || positive <= TimeSpan.Zero)
            throw new ArgumentException($"{setting} must be a positive age such as \"365d\" or \"30.00:00:00\", got \"{text}\"");
        return positive;
    }
}
