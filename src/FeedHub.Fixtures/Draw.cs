namespace FeedHub.Fixtures;

/// <summary>Seeded choices, so one seed always yields the same farm.</summary>
internal static class Draw
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> options) => options[rng.Next(options.Count)];

    /// <summary>A generator for one site that does not depend on the other sites' draws.</summary>
    public static Random ForSite(int seed, int siteIndex) => new(unchecked(seed * 7919 + siteIndex * 104_729 + 17));

    /// <summary>A second generator for one site's page habits, so adding habits never shifts the site's articles.</summary>
    public static Random ForPages(int seed, int siteIndex) => new(unchecked(seed * 6113 + siteIndex * 130_363 + 29));
}
