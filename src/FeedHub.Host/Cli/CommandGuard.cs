using FeedHub.Sources;

namespace FeedHub.Host.Cli;

/// <summary>Runs a command body and turns configuration problems into exit code 2 with every error listed.</summary>
public static class CommandGuard
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
        catch (FeedHub.Storage.StorageException e)
        {
            await Console.Error.WriteLineAsync($"storage error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
