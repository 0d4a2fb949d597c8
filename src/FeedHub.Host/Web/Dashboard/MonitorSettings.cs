using FeedHub.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>The <c>Monitor</c> section: when a source is quiet, and when the whole crawler counts as stalled.</summary>
public sealed class MonitorSettings
{
    /// <summary>The shortest silence called quiet, whatever the source's rhythm.</summary>
    public TimeSpan QuietFloor { get; set; } = TimeSpan.FromDays(3);
    /// <summary>How many median gaps of silence make a source quiet.</summary>
    public double QuietMultiplier { get; set; } = 3;
    /// <summary><c>/healthz</c> is unhealthy when no source has been crawled successfully for this long.</summary>
    public TimeSpan CrawlWindow { get; set; } = TimeSpan.FromHours(1);

    public QuietRule QuietRule => new() { Floor = QuietFloor, Multiplier = QuietMultiplier };

    /// <exception cref="ArgumentException">A value that makes no sense, named by its configuration key.</exception>
    public static MonitorSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Monitor").Get<MonitorSettings>() ?? new MonitorSettings();
        if (settings.QuietFloor < TimeSpan.Zero) throw new ArgumentException($"Monitor:QuietFloor must not be negative, got {settings.QuietFloor}");
        if (!(settings.QuietMultiplier > 0)) throw new ArgumentException($"Monitor:QuietMultiplier must be above 0, got {settings.QuietMultiplier}");
        if (settings.CrawlWindow <= TimeSpan.Zero) throw new ArgumentException($"Monitor:CrawlWindow must be positive, got {settings.CrawlWindow}");
        return settings;
    }
}

public static class MonitoringServices
{
    /// <summary>The status board and its settings; safe to call from both the dashboard and operations.</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = MonitorSettings.From(configuration);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(settings.QuietRule);
        services.TryAddSingleton<StatusBoard>();
        return services;
    }
}
