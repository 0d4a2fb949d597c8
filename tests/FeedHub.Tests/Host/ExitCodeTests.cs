using System.Net;
using System.Net.Sockets;

namespace FeedHub.Tests.Host;

/// <summary>
/// The exit-code table in README.md ("Exit codes"), kept by running every command with a representative bad input:
/// usage errors are 2 (never 1), and no error shows .NET internals.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("feedhub-exit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config => Path.Combine(RepoRoot.Path, "feeds.json");

    public static TheoryData<string> EveryCommand() =>
        new("run", "backfill", "crawl", "check", "preview", "items", "status", "demo", "export", "prune", "backup", "migrate");

    private static void AssertPlain(FeedhubProcess.Result result)
    {
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("System.", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task An_unknown_option_exits_2_on_every_command(string command)
    {
        var result = await FeedhubProcess.RunAsync(_dir, command, "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr);
        Assert.Contains($"feedhub {command} --help", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Help_of_every_command_exits_0_and_ends_with_examples_of_it(string command)
    {
        var result = await FeedhubProcess.RunAsync(_dir, command, "--help");

        Assert.Equal(0, result.ExitCode);
        var examples = result.Stdout.TrimEnd()[result.Stdout.LastIndexOf("Examples:", StringComparison.Ordinal)..].Split('\n').Skip(1).ToList();
        Assert.InRange(examples.Count, 1, 3);
        Assert.All(examples, line => Assert.Contains($"feedhub {command}", line));
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        var result = await FeedhubProcess.RunAsync(_dir, "crawel");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'crawel'", result.Stderr);
    }

    [Theory]
    [InlineData("crawl", "--pages", "abc")]
    [InlineData("backfill", "--pages", "many")]
    [InlineData("items", "--limit", "ten")]
    [InlineData("demo", "--sites", "x")]
    public async Task A_value_that_does_not_parse_exits_2_without_type_names(string command, string option, string value)
    {
        var result = await FeedhubProcess.RunAsync(_dir, command, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} needs a whole number, got '{value}'", result.Stderr);
        AssertPlain(result);
    }

    [Theory]
    [InlineData("crawl")]
    [InlineData("backfill")]
    [InlineData("preview")]
    [InlineData("items")]
    public async Task An_unknown_source_id_exits_2_suggesting_the_closest_known_ids(string command)
    {
        string[] extra = command switch
        {
            "backfill" => ["--db", Path.Combine(_dir, "x.db"), "--pages", "1"],
            "preview" => [],
            _ => ["--db", Path.Combine(_dir, "x.db")],
        };

        var result = await FeedhubProcess.RunAsync(_dir, [command, "--config", Config, "--source", "kab-blor", .. extra]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown source id(s): kab-blor (closest of the 36 known: kab-blora, ", result.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")), "a mistyped id must not create the database");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    public async Task A_setting_that_does_not_convert_exits_2_naming_it(string command)
    {
        var info = FeedhubProcess.StartInfo(_dir, command, "--config", Config, "--db", Path.Combine(_dir, "x.db"), "--urls", "http://127.0.0.1:0");
        if (command == "check") info = FeedhubProcess.StartInfo(_dir, command, "--config", Config);
        info.Environment["FEEDHUB__Fetch__MinHostGap"] = "abc";

        var result = await FeedhubProcess.RunAsync(info);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Fetch:MinHostGap", result.Stderr);
        Assert.Contains("'abc' is not a time span", result.Stderr);
        AssertPlain(result);
    }

    [Fact]
    public async Task Run_with_an_address_that_is_not_a_url_exits_2_naming_it()
    {
        var result = await FeedhubProcess.RunAsync(_dir, "run", "--config", Config, "--db", Path.Combine(_dir, "x.db"), "--urls", "notaurl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--urls: 'notaurl' is not an http:// or https:// address", result.Stderr);
        AssertPlain(result);
    }

    [Fact]
    public async Task Run_on_a_busy_port_exits_1_naming_the_port()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var result = await FeedhubProcess.RunAsync(_dir, "run", "--config", Config, "--db", Path.Combine(_dir, "x.db"), "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"port {port} on 127.0.0.1 is already in use", result.Stderr);
        AssertPlain(result);
    }

    [Theory]
    [InlineData("crawl")]
    [InlineData("export")]
    public async Task A_database_under_a_file_exits_2_naming_the_file(string command)
    {
        var file = Path.Combine(_dir, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        string[] extra = command == "export" ? ["--out", Path.Combine(_dir, "out")] : [];

        var result = await FeedhubProcess.RunAsync(_dir, [command, "--config", Config, "--db", Path.Combine(file, "feedhub.db"), .. extra]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file} is a file, not a folder", result.Stderr);
        AssertPlain(result);
    }

    [Fact]
    public async Task Prune_without_an_age_exits_2()
    {
        var result = await FeedhubProcess.RunAsync(_dir, "prune", "--db", Path.Combine(_dir, "x.db"));

        Assert.Equal(2, result.ExitCode);
    }
}
