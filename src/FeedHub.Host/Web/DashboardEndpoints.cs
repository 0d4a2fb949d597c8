using FeedHub.Host.Web.Dashboard;
using FeedHub.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Web;

/// <summary>The server-rendered status dashboard: overview, one page per source, item search, and its stylesheet.</summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration) =>
        services.AddMonitoring(configuration);

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/", OverviewPage.HandleAsync);
        app.MapGet("/sources/{id}", SourcePage.HandleAsync);
        app.MapGet("/items", SearchPage.HandleAsync).AddEndpointFilter(BoundedSearchText);
        app.MapGet(SiteCss.Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Text(SiteCss.Content, "text/css; charset=utf-8");
        });
        return app;
    }

    /// <summary>Refuses search text beyond the feeds' bounds before any search runs, with the same 400 naming <c>q</c>.</summary>
    private static async ValueTask<object?> BoundedSearchText(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.Query["q"].ToString() is { } q && !string.IsNullOrWhiteSpace(q))
        {
            try
            {
                FeedQueryParser.ParseSearchText(q);
            }
            catch (FeedQueryException e)
            {
                return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
        }
        return await next(context);
    }
}
