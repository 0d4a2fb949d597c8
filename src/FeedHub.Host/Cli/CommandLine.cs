using System.CommandLine;

namespace FeedHub.Host.Cli;

/// <summary>The `feedhub` command tree. Each command lives in its own file.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("FeedHub: clean RSS/Atom/JSON feeds and a status dashboard from the KPU regional news sites.");
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(PreviewCommand.Create());
        root.Subcommands.Add(ItemsCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(BackfillCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(PruneCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        HelpExamples.AddTo(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a command line that does not parse exits 2 without running anything.</summary>
    public static Task<int> InvokeAsync(string[] args, InvocationConfiguration invocation)
    {
        var parse = Build().Parse(args);
        // --help wins over a missing required option, as the parser itself does.
        return parse.Errors.Count > 0 && parse.Action is not HelpExamples ? Task.FromResult(CommandGuard.Usage(parse)) : parse.InvokeAsync(invocation);
    }
}

/// <summary>Exit codes every command shares; scripts rely on them (table in README.md, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Some sources failed, or a runtime error (storage, file, network, port in use).</summary>
    public const int Failed = 1;
    /// <summary>feeds.json, a setting or a flag value is invalid.</summary>
    public const int BadConfig = 2;
    /// <summary>The command line itself is wrong (unknown option, missing or unparsable value); same code as a bad flag value.</summary>
    public const int Usage = 2;
}

/// <summary>Options that several commands share, created fresh for each command.</summary>
public static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "Path of feeds.json (default: Paths:Config from appsettings.json, else feeds.json)",
    };

    public static Option<string?> Database() => new("--db")
    {
        Description = "Path of the SQLite database (default: Paths:Database, else data/feedhub.db)",
    };

    public static Option<string[]> Sources(string description) => new("--source")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };
}
