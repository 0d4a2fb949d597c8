namespace FeedHub.Storage;

/// <summary>How long a write waits for another writer, and how large the database may grow. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageLimits
{
    /// <summary>How long a statement waits for a lock held by another connection or process before failing as busy.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The size the database file may not outgrow (null: no limit). A write beyond it fails with
    /// "the disk is full" and is rolled back, just as on a full disk, so a runaway source cannot fill the disk.
    /// </summary>
    public long? MaxBytes { get; set; }
}
