using FeedHub.Storage;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// Where Quartz keeps the schedule. With <c>Storage:Provider</c> = <c>sqlite</c> (the default) the worker is
/// alone: an in-memory store, rebuilt from <c>sources_state</c> at every start. With <c>postgres</c> several
/// workers share one schedule: Quartz's clustered ADO.NET store in the database named by
/// <c>Storage:ConnectionString</c>, next to FeedHub's own tables.
/// </summary>
internal sealed record ScheduleStore(string? PostgresConnectionString)
{
    public bool Clustered => PostgresConnectionString is not null;

    /// <summary>The PostgreSQL connection string; only for a clustered store.</summary>
    public string ConnectionString => PostgresConnectionString
                                      ?? throw new InvalidOperationException("the schedule is kept in memory, not in PostgreSQL");

    /// <exception cref="ArgumentException">The storage settings are invalid, naming the setting.</exception>
    public static ScheduleStore From(IConfiguration configuration)
    {
        var storage = configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
        return new ScheduleStore(storage.IsPostgres ? storage.PostgresConnectionString().ConnectionString : null);
    }
}
