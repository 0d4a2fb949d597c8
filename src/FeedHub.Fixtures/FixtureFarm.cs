using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FeedHub.Fixtures;

/// <summary>
/// Many fake KPU sites served by one Kestrel server on loopback. Each site has its own IP
/// (127.0.1.1, 127.0.1.2, …, 127.0.1.254, 127.0.2.1, …) on one shared port, so per-host
/// politeness can be observed exactly as against the real hosts.
/// </summary>
public sealed class FixtureFarm : IAsyncDisposable
{
    private const int PortAttempts = 5;

    private readonly WebApplication app;
    private readonly Dictionary<IPAddress, FixtureSite> byAddress;
    private readonly Dictionary<string, FixtureSite> byId;
    private readonly CancellationTokenSource stopping = new();
    private int disposed;

    private FixtureFarm(WebApplication app, IReadOnlyList<FixtureSite> sites, RequestLog log, int port)
    {
        this.app = app;
        Sites = sites;
        Log = log;
        Port = port;
        byAddress = sites.ToDictionary(s => IPAddress.Parse(s.BaseUri.Host));
        byId = sites.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<FixtureSite> Sites { get; }
    public RequestLog Log { get; }
    /// <summary>The port every site listens on.</summary>
    public int Port { get; }

    public FixtureSite this[string id] => byId.TryGetValue(id, out var site)
        ? site
        : throw new KeyNotFoundException($"No fixture site '{id}' in this farm of {Sites.Count} sites.");

    /// <summary>Builds the sites from <paramref name="options"/> and starts serving them; retries another port if one is taken.</summary>
    public static async Task<FixtureFarm> StartAsync(FarmOptions options, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SiteCount, 1, nameof(options.SiteCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.SiteCount, 254 * 254, nameof(options.SiteCount));
        if (options.Categories.Count == 0) throw new ArgumentException("FarmOptions.Categories is empty.", nameof(options));
        var clock = options.Clock ?? TimeProvider.System;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var sites = Enumerable.Range(0, options.SiteCount).Select(i => BuildSite(options, i, port, clock)).ToArray();
            var log = new RequestLog(clock);
            FixtureFarm? farm = null;
            var app = Build(sites, port, context => farm!.Serve(context));
            farm = new FixtureFarm(app, sites, log, port);
            try
            {
                await app.StartAsync(ct);
                return farm;
            }
            catch (IOException)
            {
                await farm.DisposeAsync();
                if (attempt == PortAttempts) throw;
            }
        }
    }

    /// <summary>The loopback address of the site at <paramref name="index"/>: 127.0.1.1 first, 254 per third octet.</summary>
    public static IPAddress AddressOf(int index) =>
        new([127, 0, (byte)(1 + index / 254), (byte)(1 + index % 254)]);

    /// <summary>
    /// A <c>feeds.json</c> pointing at these sites with the <c>kpu-blog</c> profile, for the demo and
    /// process-level tests. <paramref name="interval"/> is written only when given.
    /// </summary>
    public string FeedsJson(TimeSpan? interval = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("profiles");
            json.WriteStartObject("kpu-blog");
            json.WriteString("listPath", "/index.php/blog/category/{category}");
            json.WriteStartArray("remove");
            json.WriteStringValue(".ads-inline");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("sources");
            foreach (var site in Sites)
            {
                json.WriteStartObject();
                json.WriteString("id", site.Id);
                json.WriteString("name", site.Name);
                json.WriteString("region", site.Region);
                json.WriteString("url", site.BaseUri.GetLeftPart(UriPartial.Authority));
                json.WriteString("profile", "kpu-blog");
                json.WriteStartArray("categories");
                foreach (var category in site.Categories) json.WriteNumberValue(category);
                json.WriteEndArray();
                if (interval is { } every) json.WriteString("interval", every.ToString("c", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await stopping.CancelAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Connections still open after the grace period are dropped by DisposeAsync below.
        }
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private static FixtureSite BuildSite(FarmOptions options, int index, int port, TimeProvider clock)
    {
        var identity = SiteRoster.At(index);
        var rng = Draw.ForSite(options.Seed, index);
        var style = SiteStyle.Draw(identity, index, rng);
        var baseUri = new Uri($"http://{AddressOf(index)}:{port.ToString(CultureInfo.InvariantCulture)}");
        var posting = PostingHabits.For(index);
        var newsroom = new Newsroom(identity, style, posting, baseUri, rng);
        var catalog = new Catalog(newsroom.BackCatalogue(options.Categories, options.ArticlesPerSite, options.Now));
        var habits = PageHabits.Draw(Draw.ForPages(options.Seed, index));
        return new FixtureSite(identity, baseUri, style, habits, posting, newsroom, catalog, options.Categories, clock);
    }

    private static WebApplication Build(IReadOnlyList<FixtureSite> sites, int port, RequestDelegate serve)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var site in sites)
                kestrel.Listen(IPAddress.Parse(site.BaseUri.Host), port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(serve);
        return app;
    }

    /// <summary>A port free on 127.0.0.1 right now (the sites' addresses are tried with it next; benchmarks start servers on it).</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private async Task Serve(HttpContext context)
    {
        var local = context.Connection.LocalIpAddress;
        if (local is null || !byAddress.TryGetValue(local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local, out var site))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            return;
        }
        var request = context.Request;
        var pending = Log.Begin(site.Id, $"{local}:{context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture)}",
            request.Method, request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
            request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            request.Headers.IfNoneMatch.Count > 0 || request.Headers.IfModifiedSince.Count > 0);
        var aborted = false;
        try
        {
            await SiteEndpoint.Respond(context, site, pending.Sequence, stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            aborted = true;
        }
        finally
        {
            pending.Finish(aborted && !context.Response.HasStarted ? 0 : context.Response.StatusCode, aborted);
        }
    }
}
