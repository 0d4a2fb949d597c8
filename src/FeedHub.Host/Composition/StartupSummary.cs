using FeedHub.Host.Scheduling;
using FeedHub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedHub.Host.Composition;

/// <summary>The one line `run` logs once it listens: what it read, where it writes, where it answers, what comes next.</summary>
internal static class StartupSummary
{
    public const string Category = "FeedHub.Host";

    public static void Log(WebApplication app)
    {
        var paths = app.Services.GetRequiredService<AppPaths>();
        var sources = app.Services.GetRequiredService<LiveCatalog>().Current.Sources.Count;
        var firstDue = app.Services.GetService<CrawlSchedule>()?.FirstDue;
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category).LogInformation(
            "FeedHub started: config {Config}, database {Database}, listening on {Urls}, {Sources} source(s), next crawl {NextDue}",
            Path.GetFullPath(paths.Config), app.Services.GetRequiredService<FeedHubDatabase>().Location, string.Join(" ", app.Urls), sources,
            firstDue is { } due ? due.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "not scheduled");
    }
}
