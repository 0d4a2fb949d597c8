using System.Diagnostics;
using Dapper;
using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Bench;

/// <summary>
/// A FeedHub database grown to 10k, 100k and 1M items for the storage and serving sections. Items are
/// real pipeline output (fixture article pages through <see cref="ArticleExtractor"/> and
/// <see cref="ItemNormaliser"/>) repeated with their own id, slug, link, date and hash, written through
/// <see cref="ItemStore.CommitAsync"/> in runs of <see cref="BatchSize"/>, as crawls write them.
/// </summary>
internal sealed class SyntheticStore : IDisposable
{
    public const int BatchSize = 1000;
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(53);

    private readonly DirectoryInfo work;
    private readonly IReadOnlyList<Item> templates;

    private SyntheticStore(DirectoryInfo work, SqliteDatabase database, IReadOnlyList<Source> sources, IReadOnlyList<Item> templates)
    {
        this.work = work;
        Database = database;
        Items = new ItemStore(database);
        Sources = sources;
        this.templates = templates;
    }

    public SqliteDatabase Database { get; }
    public ItemStore Items { get; }
    /// <summary>The sources the items belong to (the fixture farm's), for a feeds.json that serves them.</summary>
    public IReadOnlyList<Source> Sources { get; }
    /// <summary>A feeds.json configuring <see cref="Sources"/>, for serving the store with FeedHub's web app.</summary>
    public string FeedsPath => Path.Combine(work.FullName, "feeds.json");
    public int Count { get; private set; }
    /// <summary>Mean length of an item's content HTML (UTF-16 characters ≈ bytes for this text).</summary>
    public double MeanContentBytes => templates.Average(t => t.ContentHtml.Length);

    public static async Task<SyntheticStore> CreateAsync(TextWriter progress, CancellationToken ct)
    {
        await progress.WriteLineAsync("store: reading fixture articles to make items from…");
        var (feedsJson, sources, pages) = await ArticleSamples.DownloadAsync(36, 10, ct);
        var templates = pages.Select(p => ItemNormaliser.Normalise(ArticleExtractor.Extract(p.Html, p.Url, p.Source), p.Source,
            p.Url.AbsoluteUri, CrawlSession.FarmNow, known: null).Item).ToList();
        var work = Directory.CreateTempSubdirectory("feedhub-bench-store-");
        var database = new SqliteDatabase(Path.Combine(work.FullName, "feedhub.db"), TimeProvider.System);
        await database.InitialiseAsync(ct);
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "feeds.json"), feedsJson, ct);
        return new SyntheticStore(work, database, sources, templates);
    }

    /// <summary>Inserts items until the store holds <paramref name="count"/>; returns the time it took.</summary>
    public async Task<TimeSpan> GrowAsync(int count, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (Count < count)
        {
            var batch = Enumerable.Range(Count, Math.Min(BatchSize, count - Count)).Select(Make).ToList();
            await Items.CommitAsync(Run(batch), ct);
            Count += batch.Count;
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Edits <paramref name="count"/> stored items (new content, new hash); returns the time it took.</summary>
    public async Task<TimeSpan> UpdateAsync(int count, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in Enumerable.Range(0, count).Select(i => (int)((long)i * Count / count)).Chunk(BatchSize))
        {
            var batch = chunk.Select(n => Edited(Make(n))).ToList();
            await Items.CommitAsync(Run(batch), ct);
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Main file plus WAL after a truncating checkpoint: what the store really occupies.</summary>
    public async Task<long> SizeOnDiskAsync()
    {
        await using (var connection = Database.Open())
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var wal = new FileInfo(Database.Path + "-wal");
        return new FileInfo(Database.Path).Length + (wal.Exists ? wal.Length : 0);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
    }

    private static SourceRun Run(IReadOnlyList<ItemWrite> batch) => new()
    {
        SourceId = batch[0].Item.SourceId,
        Items = batch,
        State = SourceState.New(batch[0].Item.SourceId),
    };

    /// <summary>Item number <paramref name="n"/>: a template's text under its own identity; higher numbers are newer.</summary>
    private ItemWrite Make(int n)
    {
        var template = templates[n % templates.Count];
        var slug = $"berita-{n}";
        var item = template with
        {
            Id = $"{template.SourceId}:{n}",
            Link = $"{template.Link.TrimEnd('/')}-{n}",
            Published = CrawlSession.FarmNow.AddYears(-2) + Spacing * n,
            FirstSeen = CrawlSession.FarmNow,
            ContentHash = $"{template.ContentHash[..48]}{n:x16}",
        };
        return new ItemWrite(item, slug, ListFingerprint: null);
    }

    private static ItemWrite Edited(ItemWrite write) => write with
    {
        Item = write.Item with
        {
            ContentHtml = write.Item.ContentHtml + "<p>Ralat: keterangan waktu kegiatan telah diperbaiki.</p>",
            ContentHash = "e" + write.Item.ContentHash[1..],
            Version = write.Item.Version + 1,
        },
    };
}
