using FeedHub.Host.Composition;
using FeedHub.Host.Scheduling;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Tests.Scheduling;

/// <summary>The <c>Schedule</c> settings, as `feedhub check` and `feedhub run` read them.</summary>
public sealed class ScheduleSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("01:00:00")]
    public void A_check_in_interval_out_of_range_is_named_with_its_bounds(string interval)
    {
        var problems = SettingsCheck.Problems(Settings(("Schedule:ClusterCheckinInterval", interval)));

        var problem = Assert.Single(problems);
        Assert.Contains("Schedule:ClusterCheckinInterval must be between 00:00:01 and 00:05:00", problem);
    }

    [Fact]
    public void A_check_in_interval_that_is_no_time_is_named_once_beside_the_sections_other_errors()
    {
        var problems = SettingsCheck.Problems(Settings(("Schedule:ClusterCheckinInterval", "often"), ("Schedule:StartWindow", "soon")));

        Assert.Single(problems, p => p.Contains("Schedule:ClusterCheckinInterval", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("Schedule:StartWindow", StringComparison.Ordinal));
    }

    [Fact]
    public void Sqlite_keeps_the_schedule_in_memory_and_postgres_in_the_shared_database()
    {
        Assert.False(ScheduleStore.From(Settings(("Storage:Provider", "sqlite"), ("Storage:ConnectionString", "Host=db"))).Clustered);
        Assert.True(ScheduleStore.From(Settings(("Storage:Provider", "postgres"), ("Storage:ConnectionString", "Host=db"))).Clustered);
    }
}
