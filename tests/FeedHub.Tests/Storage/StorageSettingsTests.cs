using FeedHub.Host.Composition;
using FeedHub.Storage;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Tests.Storage;

public sealed class StorageSettingsTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings) =>
        SettingsCheck.Problems(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Sqlite_is_the_default_and_needs_no_connection_string()
    {
        var settings = new StorageSettings();

        Assert.False(settings.IsPostgres);
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void An_unknown_provider_is_named()
    {
        var problem = Assert.Single(Problems(("Storage:Provider", "mysql")));

        Assert.Contains("Storage:Provider", problem);
        Assert.Contains("mysql", problem);
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_missing_field()
    {
        var problem = Assert.Single(Problems(("Storage:Provider", "postgres")));

        Assert.Contains("Storage:ConnectionString is required", problem);
    }

    [Theory]
    [InlineData("Host=db.example;Port=notaport;Password=Rahasia-Sekali")]
    [InlineData("Host=db.example;Colour=blue;Password=Rahasia-Sekali")]
    [InlineData("Host='db.example;Password=Rahasia-Sekali")]
    [InlineData("Port=5432;Password=Rahasia-Sekali")]
    public void An_unusable_connection_string_is_named_without_echoing_its_password(string connectionString)
    {
        var problem = Assert.Single(Problems(("Storage:Provider", "postgres"), ("Storage:ConnectionString", connectionString)));

        Assert.Contains("Storage:ConnectionString", problem);
        Assert.DoesNotContain("Rahasia-Sekali", problem);
    }

    [Fact]
    public void A_valid_connection_string_is_accepted_and_parsed()
    {
        var settings = new StorageSettings { Provider = "postgres", ConnectionString = "Host=db.example;Database=feedhub;Username=feedhub;Password=x" };

        Assert.Empty(settings.Problems());
        Assert.Equal("db.example", settings.PostgresConnectionString().Host);
    }
}
