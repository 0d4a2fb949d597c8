using System.Text.RegularExpressions;
using FeedHub.Sources;

namespace FeedHub.Host.Cli;

/// <summary>
/// Runs a command body and turns every failure into one plain line on stderr and an exit code from
/// <see cref="ExitCodes"/>: operators script against the codes and must never see a stack trace.
/// </summary>
public static partial class CommandGuard
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadConfig;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("appsettings.json / FEEDHUB__ settings are invalid:" + Environment.NewLine +
                string.Join(Environment.NewLine, e.Failures.Select(f => "  " + f)));
            return ExitCodes.BadConfig;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadConfig;
        }
        catch (InvalidOperationException e) when (SettingValue.Describe(e) is { } setting)
        {
            await Console.Error.WriteLineAsync($"error: {setting}");
            return ExitCodes.BadConfig;
        }
        catch (FeedHub.Storage.StorageException e)
        {
            await Console.Error.WriteLineAsync($"storage error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The option parser's own errors, reworded without .NET type names, and exit code 2.</summary>
    public static int Usage(System.CommandLine.ParseResult parse)
    {
        foreach (var error in parse.Errors)
            Console.Error.WriteLine($"error: {Reword(error.Message)}");
        var name = parse.CommandResult.Command.Name;
        Console.Error.WriteLine(parse.CommandResult.Command is System.CommandLine.RootCommand
            ? "see `feedhub --help`"
            : $"see `feedhub {name} --help`");
        return ExitCodes.Usage;
    }

    private static string Reword(string message) => CannotParse().Match(message) is { Success: true } m
        ? $"{m.Groups["option"].Value} needs {Kind(m.Groups["type"].Value)}, got '{m.Groups["value"].Value}'"
        : message;

    private static string Kind(string type) => type.Contains("Int32", StringComparison.Ordinal) ? "a whole number" : "a valid value";

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command) '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();
}

/// <summary>Reads the configuration binder's conversion failure into the setting's name and what it needs.</summary>
public static partial class SettingValue
{
    /// <summary>"Fetch:MinHostGap: 'abc' is not a valid time span (e.g. 00:00:02)", or null for other failures.</summary>
    public static string? Describe(Exception e)
    {
        var m = FailedToConvert().Match(e.Message);
        if (!m.Success) return null;
        var type = m.Groups["type"].Value;
        var need = type switch
        {
            "System.TimeSpan" => "a time span (e.g. 00:00:02)",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" => "a number (e.g. 1.5)",
            "System.Boolean" => "true or false",
            _ => "a valid value",
        };
        return $"setting {m.Groups["key"].Value} (appsettings.json or FEEDHUB__{m.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)}): " +
               $"'{m.Groups["value"].Value}' is not {need}";
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex FailedToConvert();
}
