using FeedHub.Storage;

namespace FeedHub.Bench;

/// <summary>
/// Section 4: the store grown through <see cref="ItemStore.CommitAsync"/> to each size: insert rate,
/// size on disk per 100k items, full-text search latency; the update rate at the largest size.
/// </summary>
internal static class StorageBench
{
    public const string Section = "4. Storage";

    /// <summary>Words and phrases a reader of KPU news searches for.</summary>
    private static readonly string[] Searches =
    [
        "pemilih", "sosialisasi", "\"data pemilih\"", "rekrutmen badan ad hoc", "Bawaslu", "partisipasi masyarakat",
        "zona integritas", "arsip", "disabilitas", "\"pemilihan serentak\"", "inspektorat", "keterbukaan informasi publik",
    ];

    public static async Task AtSizeAsync(BenchContext context, int size, TimeSpan growth, int grown, CancellationToken ct)
    {
        var store = await context.StoreAsync(ct);
        var results = context.Results;
        var label = Label(size);
        results.Add(Section, new Measure($"{label} items: insert rate (commits of {SyntheticStore.BatchSize})", $"{Fmt.N(grown / growth.TotalSeconds)} items/s"));
        var bytes = await store.SizeOnDiskAsync();
        results.Add(Section, new Measure($"{label} items: size on disk per 100k items", Fmt.Mb(bytes * 100_000.0 / size)));

        var latencies = new List<double>();
        var rounds = context.Options.Quick ? 2 : 10;
        for (var round = 0; round < rounds; round++)
            foreach (var text in Searches)
            {
                var meter = new CostMeter();
                await store.Items.QueryAsync(new ItemFilter { Text = text, Limit = 50 }, ct);
                latencies.Add(meter.Wall.TotalMilliseconds);
            }
        results.Add(Section, new Measure($"{label} items: FTS5 search, newest 50 (p50 / p99)",
            $"{Fmt.Ms(Percentiles.Of(latencies, 50))} / {Fmt.Ms(Percentiles.Of(latencies, 99))}"));
    }

    public static async Task UpdatesAsync(BenchContext context, CancellationToken ct)
    {
        var store = await context.StoreAsync(ct);
        var count = Math.Min(10_000, store.Count / 10);
        var took = await store.UpdateAsync(count, ct);
        context.Results.Add(Section, new Measure($"{Label(store.Count)} items: update rate ({Fmt.N(count)} edits)", $"{Fmt.N(count / took.TotalSeconds)} items/s"));
        context.Results.Note(Section, $"Items are fixture articles through the real extractor and normaliser, repeated under their own ids (mean content {Fmt.N(store.MeanContentBytes / 1024.0, 1)} KB of HTML); each commit is one transaction like a crawl's. Searches: {string.Join(", ", Searches)}; {(context.Options.Quick ? 2 : 10)} rounds each.");
    }

    public static string Label(int size) => size >= 1_000_000 ? $"{size / 1_000_000}M" : size >= 1000 ? $"{size / 1000}k" : size.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
