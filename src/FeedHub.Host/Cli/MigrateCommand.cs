using System.CommandLine;
using System.Globalization;
using FeedHub.Host.Composition;
using FeedHub.Host.Migrating;
using FeedHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FeedHub.Host.Cli;

/// <summary>
/// `feedhub migrate --to postgres`: copies the SQLite store into a PostgreSQL database, resumably, and
/// verifies every table; the SQLite file is only read. See docs/migrate.md.
/// </summary>
public static class MigrateCommand
{
    /// <summary>Tables with at least this many rows report their progress on stderr, every this many rows.</summary>
    private const long ProgressRows = 10_000;

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var to = new Option<string>("--to") { Description = "The kind of database to copy into (postgres)", Required = true };
        to.AcceptOnlyFromAmong("postgres");
        var connection = new Option<string?>("--connection")
        {
            Description = "Npgsql connection string of the target database, e.g. \"Host=db.example;Database=feedhub;Username=feedhub;Password=…\" " +
                          "(default: Storage:ConnectionString)",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Rows copied per transaction (default {StoreMigration.DefaultBatchSize})",
            DefaultValueFactory = _ => StoreMigration.DefaultBatchSize,
        };
        var command = new Command("migrate",
            "Copy the SQLite database into PostgreSQL (items, source states, fetch log, validators); resumable, verified by counts " +
            "and checksums, the SQLite file only read; exit 1 on a storage error or a failed check, 2 on bad flags or a target holding other data")
        {
            db, to, connection, batchSize,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(config: null, parse.GetValue(db));
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > 100_000)
                throw new ArgumentException($"--batch-size must be between 1 and 100000, got {size}");
            var target = Target(parse.GetValue(connection), configuration);
            var time = host.Services.GetRequiredService<TimeProvider>();
            var started = time.GetTimestamp();
            await using var source = await SqliteSource.OpenAsync(host.Services.GetRequiredService<AppPaths>().Database, ct);
            var database = new PostgresDatabase(target, time, configuration.GetSection("Storage").Get<StorageLimits>());
            var shown = new Dictionary<CopiedTable, long>();
            var migration = new StoreMigration(source, new PostgresTarget(database), size)
            {
                Progress = progress =>
                {
                    if (progress.Rows < ProgressRows || shown.GetValueOrDefault(progress.Table) == progress.Done / ProgressRows) return;
                    shown[progress.Table] = progress.Done / ProgressRows;
                    Console.Error.WriteLine($"{progress.Table.Name}: {progress.Done} of {progress.Rows} rows");
                },
            };
            var reports = await migration.RunAsync(ct);
            var seconds = time.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            Console.WriteLine($"migrated {source.Path} to {database.Location} in {seconds} s");
            foreach (var report in reports)
                Console.WriteLine($"  {report.Table.Name,-14} {report.Rows,9} rows: {report.Copied} copied, " +
                                  (report.Verified ? $"{report.AlreadyThere} already there, verified" : $"CHECK FAILED ({report.Target.Rows} rows in PostgreSQL)"));
            foreach (var failed in reports.Where(r => !r.Verified))
                await Console.Error.WriteLineAsync($"error: {failed.Table.Name} differs after the copy: {failed.Source.Rows} rows in SQLite, " +
                                                   $"{failed.Target.Rows} in PostgreSQL" +
                                                   (failed.Source.Rows == failed.Target.Rows ? ", with other values (checksums differ)" : ""));
            return reports.All(r => r.Verified) ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>--connection, else Storage:ConnectionString, parsed; problems name whichever was used, never echoing a password.</summary>
    private static NpgsqlConnectionStringBuilder Target(string? flag, IConfiguration configuration)
    {
        var text = flag ?? configuration["Storage:ConnectionString"];
        if (string.IsNullOrWhiteSpace(text))
            throw new ArgumentException("no target database: pass --connection \"Host=…;Database=…;Username=…\" or set Storage:ConnectionString");
        try
        {
            return new StorageSettings { Provider = StorageSettings.Postgres, ConnectionString = text }.PostgresConnectionString();
        }
        catch (ArgumentException e) when (flag is not null)
        {
            throw new ArgumentException(e.Message.Replace("Storage:ConnectionString", "--connection", StringComparison.Ordinal), e);
        }
    }
}
