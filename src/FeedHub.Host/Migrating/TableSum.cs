using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FeedHub.Host.Migrating;

/// <summary>
/// A table's row count and an order-independent checksum of its rows (the sum of each row's hash), read with
/// the same SQL from SQLite and PostgreSQL: equal sums mean the same rows (keys, ids, versions, hashes, times),
/// whatever order or integer width each database returns them in.
/// </summary>
public readonly record struct TableSum(long Rows, ulong Checksum)
{
    public static async Task<TableSum> ReadAsync(
        DbConnection connection, DbTransaction? transaction, CopiedTable table, IReadOnlyList<string> columns,
        CancellationToken cancellationToken)
    {
        var summed = columns.Where(c => !table.Unsummed.Contains(c)).ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", summed)} FROM {table.Name};";
        long rows = 0;
        ulong checksum = 0;
        var text = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            text.Clear();
            for (var i = 0; i < summed.Count; i++)
            {
                // Stored text holds no NUL, so it marks null and separates columns unambiguously.
                text.Append(reader.IsDBNull(i) ? "\0null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\0');
            }
            unchecked { checksum += BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))); }
            rows++;
        }
        return new TableSum(rows, checksum);
    }
}
