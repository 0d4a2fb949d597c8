using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using FeedHub.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// Quartz's own tables in the shared PostgreSQL database (QuartzTables.postgres.sql, Quartz 4.7.3's schema):
/// created when none exists yet, and checked on every start so a node refuses tables of another shape
/// (another Quartz version, another program) instead of failing at its first trigger. Runs under a
/// transaction-scoped advisory lock, so nodes starting together create the tables once.
/// </summary>
internal sealed partial class QuartzTables(ScheduleStore store, ILogger<QuartzTables> log) : IHostedService
{
    public const string Prefix = "qrtz_";

    /// <summary>The advisory lock every FeedHub node takes around creating and checking the tables ("FHqrtz01").</summary>
    private const long LockKey = 0x4648_7172_747A_3031;

    private static readonly Lazy<IReadOnlyList<string>> Script = new(ReadScript);

    /// <summary>The statements that create the tables and their indexes, prefix substituted.</summary>
    public static IReadOnlyList<string> Statements => Script.Value;

    /// <summary>Every table the script creates and the columns it gives each.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Columns { get; } = Statements
        .Select(statement => CreateTable().Match(statement))
        .Where(match => match.Success)
        .ToDictionary(
            match => match.Groups["table"].Value,
            match => (IReadOnlyList<string>)ColumnLine().Matches(match.Groups["body"].Value)
                .Select(column => column.Groups["column"].Value)
                .Where(name => name is not ("primary" or "foreign"))
                .ToList(),
            StringComparer.Ordinal);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await EnsureAsync(store.ConnectionString, cancellationToken))
            log.LogInformation("Created Quartz's tables ({Prefix}*) in the shared PostgreSQL database", Prefix);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the tables if none exists and checks their shape; returns whether it created them.</summary>
    /// <exception cref="StorageException">Some qrtz_ tables or columns are missing; the message names each.</exception>
    public static async Task<bool> EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@LockKey);", new { LockKey }, transaction,
            cancellationToken: cancellationToken));
        var present = await PresentAsync(connection, transaction, cancellationToken);
        var create = present.Count == 0;
        if (create)
        {
            foreach (var statement in Statements)
                await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken));
            present = await PresentAsync(connection, transaction, cancellationToken);
        }
        var problems = Problems(present);
        if (problems.Count > 0)
            throw new StorageException(
                $"The Quartz tables in PostgreSQL database '{connection.Database}' are not the shape Quartz 4.7.3 needs: " +
                $"{string.Join("; ", problems)}. They come from another Quartz version or another program: apply Quartz.NET's " +
                $"database/migrations scripts, or drop every {Prefix} table; FeedHub then creates them and rebuilds the " +
                "schedule from sources_state when it starts.");
        await transaction.CommitAsync(cancellationToken);
        return create;
    }

    /// <summary>What is missing from <paramref name="present"/> (table → columns): one line per table.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, HashSet<string>> present) => Columns
        .Select(table => present.TryGetValue(table.Key, out var columns)
            ? table.Value.Where(c => !columns.Contains(c)).ToList() is { Count: > 0 } missing
                ? $"{table.Key} lacks {string.Join(", ", missing)}"
                : null
            : $"{table.Key} is missing")
        .OfType<string>()
        .ToList();

    private static async Task<IReadOnlyDictionary<string, HashSet<string>>> PresentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Table, string Column)>(new CommandDefinition(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND starts_with(table_name, @Prefix);
            """, new { Prefix }, transaction, cancellationToken: cancellationToken));
        return rows.GroupBy(row => row.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(row => row.Column).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> ReadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FeedHub.Host.Scheduling.QuartzTables.postgres.sql")
                           ?? throw new InvalidOperationException("QuartzTables.postgres.sql is not embedded in the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split("\n--;;\n")
            .Select(statement => string.Join('\n', statement.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(statement => statement.Length > 0)
            .Select(statement => statement.Replace("{0}", Prefix, StringComparison.Ordinal).Replace("{1}", Prefix, StringComparison.Ordinal))
            .ToList();
    }

    [GeneratedRegex(@"^CREATE TABLE IF NOT EXISTS (?<table>\w+) \((?<body>.*)\);$", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s+(?<column>\w+)\s", RegexOptions.Multiline)]
    private static partial Regex ColumnLine();
}
