using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Web;

public static class FeedEndpoints
{
    public static IServiceCollection AddFeedServing(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapFeeds(this WebApplication app) => app;
}
