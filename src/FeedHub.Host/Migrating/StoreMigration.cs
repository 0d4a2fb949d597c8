namespace FeedHub.Host.Migrating;

/// <summary>What one table's copy did and how its check came out.</summary>
/// <param name="Rows">Rows in the SQLite store.</param>
/// <param name="Copied">Rows this run inserted; the rest were there already (an earlier, interrupted run).</param>
public sealed record TableReport(CopiedTable Table, long Rows, long Copied, TableSum Source, TableSum Target)
{
    /// <summary>Rows an earlier run had copied; counted as the store's rows less this run's, so true once <see cref="Verified"/>.</summary>
    public long AlreadyThere => Rows - Copied;

    public bool Verified => Source == Target;
}

/// <summary>How far the copy of one table is: rows of the store at or before the last committed batch.</summary>
public readonly record struct CopyProgress(CopiedTable Table, long Done, long Rows);

/// <summary>
/// Copies a SQLite store into PostgreSQL table by table in key order, a batch per transaction, then checks
/// every table by count and checksum. Rows keep every column as stored (keys, ids, versions, first-seen
/// times, hashes, change times), so feeds, item ids and edit history read the same on both.
/// </summary>
public sealed class StoreMigration(SqliteSource source, PostgresTarget target, int batchSize)
{
    public const int DefaultBatchSize = 1000;

    /// <summary>Called after each committed batch.</summary>
    public Action<CopyProgress>? Progress { get; init; }

    public async Task<IReadOnlyList<TableReport>> RunAsync(CancellationToken cancellationToken)
    {
        await target.ClaimAsync(source.FileId, cancellationToken);
        var copied = new List<(CopiedTable Table, string[] Columns, long Rows, long Copied)>();
        foreach (var table in CopiedTable.All)
        {
            var columns = await source.ColumnsAsync(table.Name, cancellationToken);
            var (rows, inserted) = await CopyAsync(table, columns, cancellationToken);
            copied.Add((table, columns, rows, inserted));
        }
        await target.FinishAsync(source.ChangeStamp, cancellationToken);
        var reports = new List<TableReport>();
        foreach (var (table, columns, rows, count) in copied)
            reports.Add(new TableReport(table, rows, count,
                await source.SumAsync(table, columns, cancellationToken), await target.SumAsync(table, columns, cancellationToken)));
        return reports;
    }

    private async Task<(long Rows, long Inserted)> CopyAsync(CopiedTable table, string[] columns, CancellationToken cancellationToken)
    {
        var key = Array.IndexOf(columns, table.Key);
        object? after = await target.ProgressAsync(table, cancellationToken);
        var rows = await source.CountAsync(table, null, cancellationToken);
        var done = after is null ? 0 : await source.CountAsync(table, after, cancellationToken);
        long inserted = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await source.ReadBatchAsync(table, columns, after, batchSize, cancellationToken);
            if (batch.Count == 0)
                return (rows, inserted);
            inserted += await target.InsertAsync(table, columns, batch, cancellationToken);
            after = batch[^1][key];
            done += batch.Count;
            Progress?.Invoke(new CopyProgress(table, done, rows));
        }
    }
}
