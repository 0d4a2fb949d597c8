using System.Data.Common;
using Npgsql;

namespace FeedHub.Storage;

/// <summary>Which database holds FeedHub's data. Bound from the <c>Storage</c> section (<c>Storage:Provider</c>, <c>Storage:ConnectionString</c>).</summary>
public sealed class StorageSettings
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (the default: the file at <c>Paths:Database</c>) or <c>postgres</c> (<see cref="ConnectionString"/>).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The Npgsql connection string of the PostgreSQL database; required for <c>postgres</c>, unused for <c>sqlite</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>One line per invalid setting, naming it; never echoes a password. Empty when the settings are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!IsPostgres && !string.Equals(Provider?.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase))
            return [$"Storage:Provider must be '{Sqlite}' or '{Postgres}'; got '{Provider}'."];
        if (!IsPostgres)
            return [];
        if (string.IsNullOrWhiteSpace(ConnectionString))
            return ["Storage:ConnectionString is required when Storage:Provider is postgres: an Npgsql connection string " +
                    "such as 'Host=db.example;Port=5432;Database=feedhub;Username=feedhub;Password=…'."];
        return ParseProblem() is { } problem ? [problem] : [];
    }

    /// <summary>The parsed PostgreSQL connection string.</summary>
    /// <exception cref="ArgumentException">The settings are not a usable PostgreSQL choice, naming the field (exit code 2).</exception>
    public NpgsqlConnectionStringBuilder PostgresConnectionString()
    {
        var problems = Problems();
        if (problems.Count > 0 || !IsPostgres)
            throw new ArgumentException(problems.Count > 0 ? string.Join(" ", problems) : "Storage:Provider is not postgres.");
        return new NpgsqlConnectionStringBuilder(ConnectionString);
    }

    private string? ParseProblem()
    {
        // The generic parser first: its errors never quote values, and it tells us the password to hide from Npgsql's.
        var generic = new DbConnectionStringBuilder();
        try
        {
            generic.ConnectionString = ConnectionString;
        }
        catch (ArgumentException)
        {
            return "Storage:ConnectionString is not a connection string of 'Key=value;' pairs (check quotes and '=' signs).";
        }
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(ConnectionString);
            return string.IsNullOrWhiteSpace(parsed.Host)
                ? "Storage:ConnectionString names no Host (the PostgreSQL server, e.g. Host=db.example)."
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            var message = e.Message;
            foreach (var key in new[] { "Password", "Pwd" })
                if (generic.TryGetValue(key, out var secret) && secret is string { Length: > 0 } text)
                    message = message.Replace(text, "***", StringComparison.Ordinal);
            return $"Storage:ConnectionString is not a valid Npgsql connection string: {message}";
        }
    }
}
