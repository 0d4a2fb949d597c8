using FeedHub.Fixtures;
using FeedHub.Host.Migrating;
using FeedHub.Storage;
using Npgsql;

namespace FeedHub.Bench;

/// <summary>
/// Section 10: `migrate --to postgres` of the synthetic store (100k items unless another section grew it
/// further) into a fresh database on the PostgreSQL server the tests use too (<see cref="PostgresServer"/>:
/// the one <c>FEEDHUB_TEST_POSTGRES</c> names, else a throwaway cluster): the copy with its check, then a
/// second run that finds everything there and only checks.
/// </summary>
internal static class MigrateBench
{
    public const string Section = "10. Migrate to PostgreSQL";

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var store = await context.StoreAsync(ct);
        var size = context.Options.Quick ? 1_000 : 100_000;
        if (store.Count < size)
        {
            context.Progress.WriteLine($"migrate: growing the store to {size:N0} items…");
            await store.GrowAsync(size, ct);
        }
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            var target = new PostgresDatabase(new NpgsqlConnectionStringBuilder(database), TimeProvider.System);
            var label = StorageBench.Label(store.Count);
            context.Progress.WriteLine($"migrate: copying {store.Count:N0} items into PostgreSQL…");
            var first = await MigrateAsync(store, target, ct);
            var second = await MigrateAsync(store, target, ct);
            context.Results.Add(Section, new Measure($"{label} items: migrate, copy and check (wall / CPU)",
                $"{Fmt.N(first.Meter.Wall.TotalSeconds, 1)} s / {Fmt.N(first.Meter.Cpu.TotalSeconds, 1)} s ({Fmt.N(store.Count / first.Meter.Wall.TotalSeconds)} items/s)"));
            context.Results.Add(Section, new Measure($"{label} items: migrate again, nothing to copy (wall)", $"{Fmt.N(second.Meter.Wall.TotalSeconds, 1)} s"));
            context.Results.Note(Section,
                $"In-process `StoreMigration` (what `feedhub migrate --to postgres` runs), batches of {StoreMigration.DefaultBatchSize}, the server on loopback; " +
                $"first run: {string.Join(", ", first.Reports.Select(r => $"{r.Table.Name} {Fmt.N(r.Copied)} copied{(r.Verified ? "" : " (CHECK FAILED)")}"))}.");
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }

    private static async Task<(CostMeter Meter, IReadOnlyList<TableReport> Reports)> MigrateAsync(
        SyntheticStore store, PostgresDatabase target, CancellationToken ct)
    {
        var meter = new CostMeter();
        await using var source = await SqliteSource.OpenAsync(store.Database.Path, ct);
        var reports = await new StoreMigration(source, new PostgresTarget(target), StoreMigration.DefaultBatchSize).RunAsync(ct);
        return (meter, reports);
    }
}
