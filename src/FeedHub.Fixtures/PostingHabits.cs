namespace FeedHub.Fixtures;

/// <summary>
/// How a site's archive grew: a regency that posts every 5–15 days (page 1 spans about three months),
/// and one whose oldest stories are 2019–2020 posts imported from WordPress (docs/kpu-sites.md §5).
/// Chosen by site position so even a small farm has both; drawing no random numbers keeps every other site as it was.
/// </summary>
internal sealed record PostingHabits(bool Sparse, bool MigratedArchive)
{
    /// <summary>Site indexes 1, 7, 13, … post sparsely; 3, 9, 15, … carry a migrated archive.</summary>
    public static PostingHabits For(int siteIndex) => new(siteIndex % 6 == 1, siteIndex % 6 == 3);

    /// <summary>Days back to the next older post, from a draw of 0–4: 0–3 usually, 5–15 for a sparse poster.</summary>
    public int Gap(int draw) => Sparse ? 5 + draw * 5 / 2 : Math.Min(3, draw);

    /// <summary>How many of a category's oldest stories are imported ones: a quarter of them.</summary>
    public int MigratedTail(int perCategory) => MigratedArchive ? perCategory / 4 : 0;

    /// <summary>The day of the <paramref name="n"/>-th imported story, newest first: from mid-December 2020 back every 60 days into 2019.</summary>
    public static DateOnly MigratedDay(int n) => new DateOnly(2020, 12, 15).AddDays(-60 * n);
}
