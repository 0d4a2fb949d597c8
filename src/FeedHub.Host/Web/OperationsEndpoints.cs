using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Web;

public static class OperationsEndpoints
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapOperations(this WebApplication app) => app;
}
