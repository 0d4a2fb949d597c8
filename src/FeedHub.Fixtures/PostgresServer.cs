using System.Diagnostics;
using Npgsql;

namespace FeedHub.Fixtures;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests and benchmarks share: the one named by <c>FEEDHUB_TEST_POSTGRES</c> (a
/// connection string; .ci/run starts one), else a throwaway cluster started once for this process by
/// scripts/postgres-throwaway and stopped when the process exits. Throws (never skips) when PostgreSQL is
/// missing: CI installs it. Every caller gets a database of its own, so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "FEEDHUB_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> SharedServer = new(Start);

    private PostgresServer(string connectionString) => ConnectionString = connectionString;

    public static PostgresServer Shared => SharedServer.Value;

    /// <summary>The administrator's connection string (database <c>postgres</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "feedhub_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections it still has.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);", connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
            return new PostgresServer(given);
        var directory = Path.Combine(Path.GetTempPath(), "feedhub-pg-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(RepositoryRoot(), "scripts", "postgres-throwaway");
        var connectionString = Script(script, "start", directory);
        StopWhenGone(Environment.ProcessId, script, directory);
        return new PostgresServer(connectionString);
    }

    /// <summary>
    /// Stops the cluster once process <paramref name="pid"/> has ended, however it ends: a test host is often
    /// killed by its runner, and ProcessExit handlers then never run, which left clusters behind.
    /// </summary>
    private static void StopWhenGone(int pid, string script, string directory)
    {
        var watch = $"while kill -0 {pid} 2>/dev/null; do sleep 1; done; exec bash \"$0\" stop \"$1\"";
        using var watcher = Process.Start(new ProcessStartInfo("setsid", ["bash", "-c", watch, script, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start the watcher that stops the PostgreSQL cluster");
    }

    /// <summary>The folder holding FeedHub.sln above this program (tests and benchmarks run from their build output).</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FeedHub.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"FeedHub.sln not found above {AppContext.BaseDirectory}; scripts/postgres-throwaway lives there.");
    }

    private static string Script(string script, string action, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, action, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"could not start {script}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{script} {action} failed (exit {process.ExitCode}): {error.Result.Trim()} " +
                $"Install Debian's postgresql or set {Variable} to a server's connection string.");
        return output;
    }
}
