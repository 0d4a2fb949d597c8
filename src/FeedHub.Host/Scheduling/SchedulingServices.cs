using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Scheduling;

public static class SchedulingServices
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration) => services;
}
