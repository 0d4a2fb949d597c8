using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FeedHub.Fetching;
using Npgsql;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// The cluster's per-host lease: a PostgreSQL session advisory lock keyed by the host, held on a connection
/// of its own while a request to that host is in flight (and its gap after). Each source is one job, so a
/// host serves one node at a time already unless two sources share it; this covers that case. A node that
/// dies drops its connections, and PostgreSQL releases their locks with them.
/// </summary>
internal sealed class PostgresHostLease(ScheduleStore store) : IHostLease
{
    public async Task<IAsyncDisposable> AcquireAsync(string hostKey, CancellationToken cancellationToken)
    {
        var key = LockKey(hostKey);
        var connection = new NpgsqlConnection(store.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key);", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The lock's key: the first 8 bytes of SHA-256 of the host key, the same on every node.</summary>
    public static long LockKey(string hostKey) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("feedhub-host:" + hostKey)));

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key);", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The connection broke; its session, and the lock with it, ends as it closes below.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
