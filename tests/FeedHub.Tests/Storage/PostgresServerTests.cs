using FeedHub.Fixtures;
using Npgsql;

namespace FeedHub.Tests.Storage;

public sealed class PostgresServerTests
{
    [Fact]
    public void Each_created_database_is_empty_and_its_own()
    {
        var server = PostgresServer.Shared;
        var first = server.CreateDatabase();
        var second = server.CreateDatabase();
        try
        {
            Execute(first, "CREATE TABLE marker (id int);");
            Assert.Equal(1L, Scalar(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker';"));
            Assert.Equal(0L, Scalar(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker';"));
        }
        finally
        {
            server.DropDatabase(first);
            server.DropDatabase(second);
        }
    }

    [Fact]
    public void The_server_has_the_indonesian_text_search_configuration()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            Assert.Equal(1L, Scalar(database, "SELECT count(*) FROM pg_ts_config WHERE cfgname = 'indonesian';"));
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
