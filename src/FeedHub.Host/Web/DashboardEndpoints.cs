using System.Globalization;
using FeedHub.Host.Web.Dashboard;
using FeedHub.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Web;

/// <summary>
/// The server-rendered status dashboard: overview, one page per source, item search (Razor components),
/// its stylesheet, in Indonesian by default and in English on request; pages compressed, HEAD answered like GET.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// The dashboard's languages, the first the default: the provincial office reads Indonesian. Plain <c>id</c>
    /// is listed too, as <c>?lang=id</c> and many browsers name the language without the country.
    /// </summary>
    public static readonly CultureInfo[] Cultures =
        [CultureInfo.GetCultureInfo("id-ID"), CultureInfo.GetCultureInfo("id"), CultureInfo.GetCultureInfo("en")];

    /// <summary>The query parameter that picks the language: <c>?lang=id</c> or <c>?lang=en</c>.</summary>
    public const string LanguageKey = "lang";

    /// <summary>GET and HEAD: a monitor's HEAD gets the GET's status and headers without the body.</summary>
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents();
        services.AddLocalization();
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            // Only the dashboard's HTML and CSS: feeds negotiate their own encoding (see FeedResponse).
            options.MimeTypes = ["text/html", "text/css"];
        });
        // The fastest levels (the defaults) leave Brotli larger than gzip on these pages; Optimal costs little at this size.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services.AddMonitoring(configuration);
    }

    /// <summary>
    /// Language from <c>?lang=id|en</c> (remembered in a cookie), else Accept-Language, else Indonesian; compression for the pages;
    /// the stylesheet. Links on the pages are built under the request's PathBase, so a reverse proxy's
    /// prefix (UsePathBase, or forwarded-prefix handling placed before this) carries through.
    /// </summary>
    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app)
    {
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = LanguageKey, UIQueryStringKey = LanguageKey },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        app.Use((context, next) =>
        {
            // A language chosen with ?lang= stays chosen on the pages its links lead to.
            if (context.Request.Query.ContainsKey(LanguageKey) && context.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider)
            {
                var chosen = context.Features.Get<IRequestCultureFeature>()!.RequestCulture;
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(chosen),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            }
            return next(context);
        });
        app.UseResponseCompression();
        return app.UseDashboardFiles();
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // Pages change with every crawl: a browser revalidates instead of showing a stale status.
        var pages = app.MapGroup("").AddEndpointFilter((context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-cache";
            return next(context);
        });
        pages.MapMethods("/", ReadMethods, OverviewPage.HandleAsync);
        pages.MapMethods("/sources/{id}", ReadMethods, SourcePage.HandleAsync);
        pages.MapMethods("/items", ReadMethods, SearchPage.HandleAsync).AddEndpointFilter(BoundedSearchText);
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
