using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FeedHub.Host.Cli;

/// <summary>
/// `--help` as System.CommandLine writes it, followed by a few examples of the command: an operator learns
/// a command faster from one working line than from its option list.
/// </summary>
public sealed class HelpExamples(HelpAction standard) : SynchronousCommandLineAction
{
    public static readonly IReadOnlyDictionary<string, string[]> ByCommand = new Dictionary<string, string[]>
    {
        ["feedhub"] = ["feedhub check", "feedhub crawl --source kab-blora", "feedhub run --urls http://127.0.0.1:5080"],
        ["run"] = ["feedhub run", "feedhub run --urls http://0.0.0.0:8080 --db /var/lib/feedhub/feedhub.db"],
        ["backfill"] = ["feedhub backfill --pages 20", "feedhub backfill --source kab-blora --source kab-pati --pages 50"],
        ["crawl"] = ["feedhub crawl", "feedhub crawl --source kab-blora --pages 5"],
        ["check"] = ["feedhub check", "FEEDHUB__Fetch__MinHostGap=00:00:02 feedhub check --config /etc/feedhub/feeds.json"],
        ["preview"] = ["feedhub preview --source kab-blora", "feedhub preview --source kab-pati --pages 2"],
        ["items"] = ["feedhub items --limit 20", "feedhub items --source kab-blora --json"],
        ["status"] = ["feedhub status", "feedhub status --json"],
        ["demo"] = ["feedhub demo", "feedhub demo --urls http://127.0.0.1:8080 --sites 10"],
        ["export"] = ["feedhub export --out site", "feedhub export --out /srv/www/feeds --base-url https://feeds.example.org/"],
        ["prune"] = ["feedhub prune --older-than 365d --dry-run", "feedhub prune --older-than 365d"],
        ["backup"] = ["feedhub backup --out /var/backups/feedhub.db", "feedhub backup --out feedhub-copy.db --force"],
        ["migrate"] = ["feedhub migrate --to postgres --connection \"Host=db.example;Database=feedhub;Username=feedhub\"",
            "FEEDHUB__Storage__ConnectionString=\"Host=127.0.0.1;Database=feedhub\" feedhub migrate --to postgres --db /var/lib/feedhub/feedhub.db"],
    };

    /// <summary>Puts the examples after the help of the root command and every subcommand (the help option is recursive).</summary>
    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpExamples((HelpAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        var name = command is RootCommand ? "feedhub" : command.Name;
        if (ByCommand.TryGetValue(name, out var examples))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples) output.WriteLine("  " + example);
            output.WriteLine();
        }
        return code;
    }
}
