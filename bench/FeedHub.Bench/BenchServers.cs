using System.Net;
using FeedHub.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedHub.Bench;

/// <summary>A started web server and the address it listens on.</summary>
internal sealed class RunningServer(WebApplication app) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public Uri BaseUri { get; } = new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>The servers the serving sections measure: FeedHub's own web app, and the static-bytes floor.</summary>
internal static class BenchServers
{
    /// <summary>
    /// FeedHub's `run` web app (<see cref="WebApp.BuildAsync"/>) on a loopback port, without the scheduler
    /// and without request logging; <paramref name="settings"/> adds configuration (e.g. Fetch:MinHostGap), and
    /// <paramref name="clock"/>, when given, replaces the system clock.
    /// </summary>
    public static async Task<RunningServer> FeedHubAsync(
        string feedsJson, string database, IReadOnlyDictionary<string, string?> settings, CancellationToken ct, TimeProvider? clock = null)
    {
        var app = await WebApp.BuildAsync(
            new WebAppSettings { Config = feedsJson, Database = database, Urls = "http://127.0.0.1:0", Schedule = false }, ct,
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.ClearProviders();
                if (clock is not null) builder.Services.AddSingleton(clock);
            });
        await app.StartAsync(ct);
        return new RunningServer(app);
    }

    /// <summary>
    /// The floor: bare Kestrel answering every request with the same bytes, content type and ETag from
    /// memory (a 304 when If-None-Match matches), as a static file server would.
    /// </summary>
    public static async Task<RunningServer> StaticAsync(byte[] body, string mediaType, string etag, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.Run(context =>
        {
            var response = context.Response;
            response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
            response.ContentType = mediaType;
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        });
        await app.StartAsync(ct);
        return new RunningServer(app);
    }
}
