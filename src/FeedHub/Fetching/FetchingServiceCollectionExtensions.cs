using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedHub.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFetcher"/> as a <see cref="PoliteFetcher"/> with one process-wide
    /// <see cref="HostGate"/>, <see cref="RobotsPolicy"/> and <see cref="OutboundPolicy"/> (call
    /// <see cref="OutboundPolicy.Allow"/> with the configured sources), over a named HttpClient whose
    /// handler is <see cref="PoliteFetcher.CreateHandler"/>. Time comes from the registered TimeProvider.
    /// </summary>
    public static IServiceCollection AddPoliteFetching(this IServiceCollection services, Action<FetchOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<FetchOptions>();
        if (configure is not null)
            optionsBuilder.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FetchOptions>, FetchOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboundPolicy>();
        // A host that shares the sites with other workers registers an IHostLease (see HostGate).
        services.TryAddSingleton(sp => new HostGate(OptionsOf(sp), sp.GetRequiredService<TimeProvider>(), sp.GetService<IHostLease>()));

        // The handler lives as long as the process: its cookie jar is the per-host session. The fetcher
        // logs each request itself, so the factory's own request logging is dropped.
        services.AddHttpClient(PoliteFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => PoliteFetcher.CreateHandler(OptionsOf(sp), sp.GetRequiredService<OutboundPolicy>()))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.TryAddSingleton(sp => new Downloader(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PoliteFetcher.HttpClientName),
            sp.GetRequiredService<HostGate>(),
            sp.GetRequiredService<OutboundPolicy>(),
            OptionsOf(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PoliteFetcher>>()));
        services.TryAddSingleton(sp => new RobotsPolicy(
            sp.GetRequiredService<Downloader>(), OptionsOf(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RobotsPolicy>>()));
        services.TryAddSingleton(sp => new PoliteFetcher(sp.GetRequiredService<Downloader>(), sp.GetRequiredService<RobotsPolicy>(), OptionsOf(sp)));
        services.TryAddSingleton<IFetcher>(sp => sp.GetRequiredService<PoliteFetcher>());
        return services;
    }

    private static FetchOptions OptionsOf(IServiceProvider services) => services.GetRequiredService<IOptions<FetchOptions>>().Value;
}
