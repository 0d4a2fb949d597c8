using FeedHub.Host.Migrating;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Migrating;

/// <summary>The verification checksum: the same rows give the same sum in any order; any changed value changes it.</summary>
public sealed class TableSumTests : IDisposable
{
    private static readonly CopiedTable Items = CopiedTable.All.Single(t => t.Name == "items");
    private static readonly string[] Columns = ["item_key", "id", "version", "content_html"];

    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public TableSumTests()
    {
        connection.Open();
        Execute("CREATE TABLE items (item_key INTEGER PRIMARY KEY, id TEXT, version INTEGER, content_html TEXT);");
    }

    public void Dispose() => connection.Dispose();

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private Task<TableSum> Sum() => TableSum.ReadAsync(connection, null, Items, Columns, CancellationToken.None);

    [Fact]
    public async Task The_same_rows_inserted_in_another_order_sum_alike()
    {
        Execute("INSERT INTO items VALUES (1, 'kab-blora:1', 1, 'a'), (2, 'kab-blora:2', 2, NULL);");
        var forward = await Sum();
        Execute("DELETE FROM items; INSERT INTO items VALUES (2, 'kab-blora:2', 2, NULL), (1, 'kab-blora:1', 1, 'a');");

        Assert.Equal(forward, await Sum());
        Assert.Equal(2, forward.Rows);
    }

    [Fact]
    public async Task Another_version_of_one_item_changes_the_sum()
    {
        Execute("INSERT INTO items VALUES (1, 'kab-blora:1', 1, 'a'), (2, 'kab-blora:2', 2, 'b');");
        var before = await Sum();
        Execute("UPDATE items SET version = 3 WHERE item_key = 2;");

        Assert.NotEqual(before.Checksum, (await Sum()).Checksum);
    }

    [Fact]
    public async Task A_null_differs_from_an_empty_text()
    {
        Execute("INSERT INTO items VALUES (1, 'kab-blora:1', 1, 'a');");
        Execute("UPDATE items SET id = NULL;");
        var withNull = await Sum();
        Execute("UPDATE items SET id = '';");

        Assert.NotEqual(withNull.Checksum, (await Sum()).Checksum);
    }

    [Fact]
    public async Task Leaves_the_content_to_content_hash()
    {
        Execute("INSERT INTO items VALUES (1, 'kab-blora:1', 1, 'a');");
        var before = await Sum();
        Execute("UPDATE items SET content_html = 'b';");

        Assert.Equal(before, await Sum());
    }
}
