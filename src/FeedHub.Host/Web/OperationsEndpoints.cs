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
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<CrawlRecencyHealthCheck>("last-crawl");
        return services;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync });
        // The sources-by-status gauge reports the last evaluation: evaluate right before each scrape.
        app.UseWhen(context => context.Request.Path == MetricsPath, branch => branch.Use(async (context, next) =>
        {
            var services = context.RequestServices;
            await services.GetRequiredService<StatusBoard>()
                .EvaluateAsync(services.GetRequiredService<LiveCatalog>().Current.Sources, context.RequestAborted);
            await next(context);
        }));
        // prometheus-net attaches its System.Diagnostics.Metrics listener on the registry's first
        // collection; collect once now, or the first crawl's counts would be recorded before anyone listens.
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
        app.MapMetrics(MetricsPath);
        return app;
    }
}
