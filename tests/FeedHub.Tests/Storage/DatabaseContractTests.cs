using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FeedHub.Tests.Storage;

/// <summary>What every provider's database promises: health of a fresh database, and errors that name where and what.</summary>
public abstract class DatabaseContractTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider: provider);

    public Task InitializeAsync() => _db.Database.InitialiseAsync(CancellationToken.None);

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_fresh_database_is_writable()
    {
        Assert.Null(await _db.Database.WriteProblemAsync());
    }

    [Fact]
    public async Task Provider_errors_become_storage_errors_naming_the_database_and_operation()
    {
        _db.Execute("DROP TABLE meta");

        var error = await Assert.ThrowsAsync<StorageException>(() => _db.Items.ChangeStampAsync(CancellationToken.None));

        Assert.Contains(_db.Database.Location, error.Message);
        Assert.Contains("reading the change stamp", error.Message);
        Assert.IsType(provider == StoreProvider.Sqlite ? typeof(SqliteException) : typeof(PostgresException), error.InnerException);
    }

    public sealed class OnSqlite() : DatabaseContractTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : DatabaseContractTests(StoreProvider.Postgres);
}
