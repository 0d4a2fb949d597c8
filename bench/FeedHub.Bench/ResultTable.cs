using System.Globalization;
using System.Text;

namespace FeedHub.Bench;

/// <summary>One measured line: FeedHub's figure, the floor it is compared with, and the target it must meet.</summary>
public sealed record Measure(string Name, string Value, string? Floor = null, string? Ratio = null, string? Target = null, bool? Met = null);

/// <summary>The run's results, section by section, printed as Markdown for docs/benchmarks.md.</summary>
public sealed class ResultTable
{
    private readonly List<(string Section, List<Measure> Rows, List<string> Notes)> sections = [];

    public IReadOnlyList<string> Sections => sections.Select(s => s.Section).ToList();

    public void Add(string section, Measure measure) => SectionOf(section).Rows.Add(measure);

    /// <summary>A sentence under the section's table: what was measured and how.</summary>
    public void Note(string section, string note) => SectionOf(section).Notes.Add(note);

    public IEnumerable<Measure> Missed => sections.SelectMany(s => s.Rows).Where(r => r.Met == false);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        foreach (var (section, rows, notes) in sections)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"### {section}").AppendLine();
            text.AppendLine("| Measure | FeedHub | Floor | Ratio | Target | Met |");
            text.AppendLine("|---|---:|---:|---:|---|:-:|");
            foreach (var row in rows)
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row.Name} | {row.Value} | {row.Floor ?? ""} | {row.Ratio ?? ""} | {row.Target ?? ""} | {row.Met switch { true => "yes", false => "**no**", null => "" }} |");
            text.AppendLine();
            foreach (var note in notes) text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            if (notes.Count > 0) text.AppendLine();
        }
        return text.ToString();
    }

    private (string Section, List<Measure> Rows, List<string> Notes) SectionOf(string section)
    {
        var found = sections.FirstOrDefault(s => s.Section == section);
        if (found.Section is not null) return found;
        var added = (section, new List<Measure>(), new List<string>());
        sections.Add(added);
        return added;
    }
}

/// <summary>Invariant number formatting for the table.</summary>
internal static class Fmt
{
    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    public static string Ms(double ms) => ms >= 100 ? $"{N(ms)} ms" : ms >= 1 ? $"{N(ms, 1)} ms" : $"{N(ms * 1000)} µs";
    public static string Mb(double bytes) => $"{N(bytes / (1024 * 1024), 1)} MB";
    public static string Ratio(double ratio) => $"{N(ratio, 2)}×";
    public static string Percent(double fraction) => $"{N(fraction * 100)} %";
}
