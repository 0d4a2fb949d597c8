using FeedHub.Host.Composition;
using FeedHub.Host.Web.Dashboard;
using FeedHub.Host.Web.Operations;
using FeedHub.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace FeedHub.Host.Web;

/// <summary><c>/healthz</c> (ASP.NET Core health checks) and <c>/metrics</c> (Prometheus text format).</summary>
public static class OperationsEndpoints
{
    public const string HealthPath = "/healthz";
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMonitoring(configuration);
        services.AddSingleton<PrometheusExport>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<CrawlRecencyHealthCheck>("last-crawl");
        return services;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync });
        // Listen from now on, so the first crawl's counts are exported.
        var export = app.Services.GetRequiredService<PrometheusExport>();
        // The sources-by-status gauge reports the last evaluation: evaluate right before each scrape.
        app.UseWhen(context => context.Request.Path == MetricsPath, branch => branch.Use(async (context, next) =>
        {
            var services = context.RequestServices;
            await services.GetRequiredService<StatusBoard>()
                .EvaluateAsync(services.GetRequiredService<LiveCatalog>().Current.Sources, context.RequestAborted);
            export.Observe();
            await next(context);
        }));
        app.MapMetrics(MetricsPath);
        return app;
    }
}
