using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>
/// The dashboard's static files (wwwroot/, copied beside the executable): the stylesheet at a fixed path,
/// so the CSP can forbid inline styles. Cached for an hour; a deploy changes it rarely.
/// </summary>
public static class Stylesheet
{
    public const string Path = "/static/site.css";

    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot")),
        OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
    });
}
