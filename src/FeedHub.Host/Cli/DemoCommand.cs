using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub demo`: FeedHub working end to end against sample KPU sites on loopback, with no internet.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where the dashboard and feeds listen",
            DefaultValueFactory = _ => new DemoSettings().Urls,
        };
        var sites = new Option<int>("--sites")
        {
            Description = "How many sample sites to start (35 regencies + the province by default; at least 3)",
            DefaultValueFactory = _ => new DemoSettings().Sites,
        };
        var command = new Command("demo", "Run the worker and dashboard against local sample KPU sites (offline); Ctrl-C stops") { urls, sites };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            await using var world = await DemoWorld.CreateAsync(new DemoSettings { Urls = ListenUrls.Check(parse.GetValue(urls)!, "--urls"), Sites = parse.GetValue(sites) }, ct);
            await world.App.StartAsync(ct);
            Console.WriteLine($"FeedHub demo: {world.Farm.Sites.Count} sample KPU sites on 127.0.1.x:{world.Farm.Port}, data in {world.Directory}");
            Console.WriteLine($"Dashboard: {world.DashboardUrl}   (first crawl running…)");
            try
            {
                await world.StageAsync(ct);
                Console.WriteLine($"Crawled. {world.FailingSite.Id} now answers 500 (failing), {world.BrokenSite.Id} shows a maintenance page (broken extraction).");
                Console.WriteLine("Press Ctrl-C to stop.");
                await world.App.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.WriteLine("Stopping.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
