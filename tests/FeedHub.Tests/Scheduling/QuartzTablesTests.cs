using FeedHub.Fixtures;
using FeedHub.Host.Scheduling;
using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Npgsql;

namespace FeedHub.Tests.Scheduling;

/// <summary>Quartz's tables in the shared PostgreSQL database: made once by whichever node starts first, checked by every node.</summary>
public sealed class QuartzTablesTests : IDisposable
{
    private readonly string database = PostgresServer.Shared.CreateDatabase();

    public void Dispose() => PostgresServer.Shared.DropDatabase(database);

    [Fact]
    public async Task Two_nodes_starting_together_create_the_tables_once()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => QuartzTables.EnsureAsync(database, CancellationToken.None)));

        Assert.Equal(1, created.Count(made => made));
        Assert.Equal(QuartzTables.Columns.Count, await ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND starts_with(table_name, 'qrtz_');"));
    }

    [Fact]
    public async Task Tables_of_another_shape_are_refused_naming_what_is_missing()
    {
        await QuartzTables.EnsureAsync(database, CancellationToken.None);
        await ScalarAsync<object>("ALTER TABLE qrtz_triggers DROP COLUMN fixed_delay; DROP TABLE qrtz_job_status;");

        var error = await Assert.ThrowsAsync<StorageException>(() => QuartzTables.EnsureAsync(database, CancellationToken.None));

        Assert.Contains("qrtz_triggers lacks fixed_delay", error.Message);
        Assert.Contains("qrtz_job_status is missing", error.Message);
    }

    [Fact]
    public void The_script_gives_every_table_quartz_reads_with_its_columns()
    {
        Assert.Contains("misfire_threshold", QuartzTables.Columns["qrtz_triggers"]);
        Assert.Contains("checkin_interval", QuartzTables.Columns["qrtz_scheduler_state"]);
        Assert.DoesNotContain("primary", QuartzTables.Columns["qrtz_locks"]);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync() ?? default(T)!);
    }
}
