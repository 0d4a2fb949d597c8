using FeedHub.Host.Scheduling;
using FeedHub.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Composition;

/// <summary>What `feedhub run` (and `feedhub demo`) start: the pipeline, the scheduler and the web server.</summary>
public sealed record WebAppSettings
{
    public string? Config { get; init; }
    public string? Database { get; init; }
    /// <summary>Addresses Kestrel listens on, e.g. http://127.0.0.1:5080.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Run the scheduler (off for tests that only need the web side).</summary>
    public bool Schedule { get; init; } = true;
}

public static class WebApp
{
    /// <summary>Builds the app and runs <see cref="Pipeline.StartAsync"/> (feeds.json, database) before anything is served.</summary>
    public static async Task<WebApplication> BuildAsync(WebAppSettings settings, CancellationToken ct, Action<WebApplicationBuilder>? customise = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = [],
        });
        AppHost.AddConfigurationSources(builder.Configuration);
        builder.WebHost.UseUrls(settings.Urls);
        builder.Services.AddSingleton(settings);
        AppHost.AddFeedHub(builder.Services, builder.Configuration, settings.Config, settings.Database);
        if (settings.Schedule) builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddFeedServing(builder.Configuration);
        builder.Services.AddDashboard(builder.Configuration);
        builder.Services.AddOperations(builder.Configuration);
        builder.AddRequestLimits();
        customise?.Invoke(builder);

        var app = builder.Build();
        app.UseNetworkAccess();
        await Pipeline.StartAsync(app.Services, ct);
        app.UseErrorHandling();
        app.UseSecurityHeaders();
        app.UseReadOnlyMethods();
        app.UseDashboard();
        app.MapFeeds();
        app.MapDashboard();
        app.MapOperations();
        app.Lifetime.ApplicationStarted.Register(() => StartupSummary.Log(app));
        return app;
    }
}
