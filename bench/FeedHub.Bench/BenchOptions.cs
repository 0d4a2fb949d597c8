using System.Globalization;

namespace FeedHub.Bench;

/// <summary>What one benchmark run measures, parsed from the command line.</summary>
public sealed record BenchOptions
{
    public static readonly IReadOnlyList<string> AllSections = ["crawl", "warm", "serve", "storage", "extract", "load", "burst", "fat", "accuracy", "migrate", "scaleout"];

    /// <summary>Small sizes everywhere, everything in one process: keeps the harness working, not a measurement.</summary>
    public bool Quick { get; init; }
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(AllSections);
    /// <summary>Also write the results table to this file.</summary>
    public string? Out { get; init; }
    /// <summary>Concurrent clients of the load test.</summary>
    public int Clients { get; init; } = 200;
    /// <summary>Duration of the load test.</summary>
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Run the crawler and the download floor in this process instead of child processes.</summary>
    public bool InProcess { get; init; }
    /// <summary>Crawl scales (site counts) instead of the default 36 and 550.</summary>
    public IReadOnlyList<int>? Sites { get; init; }

    public bool Runs(string section) => Only.Contains(section);

    /// <exception cref="ArgumentException">An unknown flag, section or malformed number, named.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{flag} needs a positive whole number, got '{args[i]}'");
            options = flag switch
            {
                "--quick" => options with { Quick = true, InProcess = true },
                "--in-process" => options with { InProcess = true },
                "--sites" => options with { Sites = Value().Split(',').Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                    ? v : throw new ArgumentException($"--sites takes site counts like 36,550; got '{args[i]}'")).ToList() },
                "--only" => options with { Only = Sections(Value()) },
                "--out" => options with { Out = Value() },
                "--clients" => options with { Clients = Number() },
                "--seconds" => options with { LoadDuration = TimeSpan.FromSeconds(Number()) },
                _ => throw new ArgumentException($"unknown argument '{flag}' (expected --quick, --only, --out, --clients, --seconds, --sites, --in-process)"),
            };
        }
        return options;
    }

    private static HashSet<string> Sections(string list)
    {
        var sections = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var unknown = sections.Except(AllSections).ToList();
        if (unknown.Count > 0 || sections.Count == 0)
            throw new ArgumentException($"--only takes a comma-separated list of {string.Join(", ", AllSections)}; got '{list}'");
        return sections;
    }
}
