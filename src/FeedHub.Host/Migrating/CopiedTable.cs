namespace FeedHub.Host.Migrating;

/// <summary>
/// A table `migrate` copies, with the key it walks in order. Tables with an integer key keep their position
/// in the target's meta (<see cref="ProgressKey"/>), written with each batch, so an interrupted run resumes
/// after the last committed batch; the small text-keyed tables are walked again and their copied rows skipped.
/// </summary>
/// <param name="Unsummed">Columns left out of the verification checksum: the content, which <c>content_hash</c> already covers.</param>
public sealed record CopiedTable(string Name, string Key, bool Resumable, params string[] Unsummed)
{
    /// <summary>In copy order: item-less tables first, so a run interrupted in the long items table has its states already.</summary>
    public static readonly IReadOnlyList<CopiedTable> All =
    [
        new("sources_state", "source_id", Resumable: false),
        new("validators", "url", Resumable: false),
        new("items", "item_key", Resumable: true, "content_html", "summary"),
        new("fetch_log", "id", Resumable: true),
    ];

    /// <summary>The target's meta key holding the last key copied.</summary>
    public string ProgressKey => $"migrate_{Name}_after";
}
