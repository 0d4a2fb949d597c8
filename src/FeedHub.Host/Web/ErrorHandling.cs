using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedHub.Host.Web;

/// <summary>
/// Failures as the client sees them: a short plain 500 with an id to find the logged exception, never a
/// stack trace; requests bounded in size before any endpoint reads them.
/// </summary>
public static class ErrorHandling
{
    /// <summary>The server is read-only: nothing it serves takes a body.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;
    public const int MaxRequestHeadersTotalBytes = 32 * 1024;
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxRequestHeaderCount = 64;

    /// <summary>Kestrel limits: oversized headers get 431, an oversized request line 414, a body over the cap 413.</summary>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalBytes;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    /// <summary>Catches what an endpoint throws: logs it with the request id and answers a plain 500 naming that id.</summary>
    public static IApplicationBuilder UseErrorHandling(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorHandling).FullName!);
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                var id = context.TraceIdentifier;
                log.LogError(e, "{Method} {Path} failed (id {RequestId})", context.Request.Method, context.Request.Path, id);
                if (context.Response.HasStarted)
                {
                    context.Abort();
                    return;
                }
                var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                context.Response.Clear();
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(status == StatusCodes.Status500InternalServerError
                    ? $"internal error, see server log (id {id})\n"
                    : $"bad request (id {id})\n");
            }
        });
    }
}
