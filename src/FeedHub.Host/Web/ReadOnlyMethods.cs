using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Web;

/// <summary>Marks an endpoint that changes something; only a request carrying the configured API key may call it.</summary>
public sealed class WriteAction
{
    public const string ApiKeyHeader = "X-Api-Key";
}

/// <summary>
/// The feeds and the dashboard are read-only: GET and HEAD only (405 otherwise). An endpoint marked
/// <see cref="WriteAction"/> also takes other methods, but only with <c>X-Api-Key</c> equal to <c>Web:ApiKey</c>;
/// with no key configured, no write is possible at all.
/// </summary>
public static class ReadOnlyMethods
{
    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app)
    {
        var key = app.ApplicationServices.GetRequiredService<IConfiguration>()["Web:ApiKey"] is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : null;
        return app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                return next(context);
            if (context.GetEndpoint()?.Metadata.GetMetadata<WriteAction>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return Task.CompletedTask;
            }
            if (key is null || !CryptographicOperations.FixedTimeEquals(key, Encoding.UTF8.GetBytes(context.Request.Headers[WriteAction.ApiKeyHeader].ToString())))
            {
                context.Response.StatusCode = key is null ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }
            // Kestrel enforces the cap only while a body is read; an announced oversize is refused at once.
            if (context.Request.ContentLength > ErrorHandling.MaxRequestBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(context);
        });
    }
}
