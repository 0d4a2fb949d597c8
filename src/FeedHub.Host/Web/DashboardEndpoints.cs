using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Web;

public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapDashboard(this WebApplication app) => app;
}
