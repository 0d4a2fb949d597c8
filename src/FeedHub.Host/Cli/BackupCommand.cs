using System.CommandLine;
using FeedHub.Host.Composition;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub backup`: a consistent copy of the (possibly live, WAL-mode) database in one file.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var output = new Option<string>("--out")
        {
            Description = "The backup file to write, e.g. backups/feedhub-2025-12-10.db",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists" };
        var command = new Command("backup", "Copy the database to one file with VACUUM INTO, safe while run is writing; exit 1 on a storage error, 2 on bad flags")
        {
            db, output, force,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(config: null, parse.GetValue(db));
            host.Services.GetRequiredService<AppPaths>().RequireDatabase(host.Services.GetRequiredService<StorageSettings>());
            var database = host.Services.GetRequiredService<FeedHubDatabase>();
            var target = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(target) && !parse.GetValue(force))
                throw new ArgumentException($"--out '{target}' exists; pass --force to replace it");
            if (!Directory.Exists(Path.GetDirectoryName(target)))
                throw new ArgumentException($"--out '{target}': the folder does not exist");
            // VACUUM INTO refuses an existing file: write beside it, then move into place in one step.
            var partial = target + ".partial";
            File.Delete(partial);
            await database.BackupAsync(partial, ct);
            File.Move(partial, target, overwrite: true);
            Console.WriteLine($"backed up {database.Location} to {target} ({new FileInfo(target).Length} bytes)");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
