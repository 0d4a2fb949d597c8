using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;

namespace FeedHub.Storage;

/// <summary>
/// How .NET values look in the database. Times are ISO 8601 text that keeps the source's offset
/// ("2025-12-08T10:30:00+07:00"); ordering uses separate <c>*_utc</c> unix-ms columns. Durations are
/// milliseconds. Tags are a JSON array. Enums are written as names (<c>ToString()</c>) because Dapper
/// always sends enum parameters as numbers; it reads names back into enums by itself.
/// </summary>
internal static class SqlTypeHandlers
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        // Dapper maps DateTimeOffset and TimeSpan natively; a handler only wins once the native map is gone.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(TimeSpan));
        SqlMapper.RemoveTypeMap(typeof(TimeSpan?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetText());
        SqlMapper.AddTypeHandler(new TimeSpanMilliseconds());
        SqlMapper.AddTypeHandler(new TagsJson());
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;

    /// <summary>ISO 8601 with the original offset and no trailing zero fractions.</summary>
    public static string ToText(DateTimeOffset value) =>
        value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Tags as the JSON array the tags column holds.</summary>
    public static string TagsToText(IReadOnlyList<string>? tags) => JsonSerializer.Serialize(tags ?? []);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private sealed class DateTimeOffsetText : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToText(value);
        }

        public override DateTimeOffset Parse(object value) => FromText((string)value);
    }

    private sealed class TimeSpanMilliseconds : SqlMapper.TypeHandler<TimeSpan>
    {
        public override void SetValue(IDbDataParameter parameter, TimeSpan value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = (long)value.TotalMilliseconds;
        }

        public override TimeSpan Parse(object value) =>
            TimeSpan.FromMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private sealed class TagsJson : SqlMapper.TypeHandler<IReadOnlyList<string>>
    {
        public override void SetValue(IDbDataParameter parameter, IReadOnlyList<string>? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = TagsToText(value);
        }

        public override IReadOnlyList<string> Parse(object value) =>
            JsonSerializer.Deserialize<string[]>((string)value) ?? [];
    }
}
