using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Tests.Web.Dashboard;

/// <summary>The dashboard app served under <c>/feedhub</c>, as a reverse proxy with UsePathBase would set it up.</summary>
public sealed class DashboardUnderPrefix : DashboardHost
{
    public const string Prefix = "/feedhub";

    protected override void Customise(WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IStartupFilter>(new PathBaseFilter());

    private sealed class PathBaseFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UsePathBase(Prefix);
            next(app);
        };
    }
}

public sealed class DashboardPathBaseTests(DashboardUnderPrefix host) : IClassFixture<DashboardUnderPrefix>
{
    [Theory]
    [InlineData("/feedhub/")]
    [InlineData("/feedhub/sources/kab-rembang")]
    [InlineData("/feedhub/items?q=Bimtek")]
    public async Task Every_dashboard_link_stays_under_the_path_base(string path)
    {
        var (status, body, _) = await host.GetAsync(path);

        Assert.Equal(200, status);
        AssertLocalLinksUnder(DashboardUnderPrefix.Prefix, body);
    }

    /// <summary>Every root-relative link or form target of a page starts with <paramref name="prefix"/>/.</summary>
    internal static void AssertLocalLinksUnder(string prefix, string body)
    {
        var local = Regex.Matches(body, "(?:href|action)=\"(/[^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(local);
        Assert.All(local, link => Assert.StartsWith(prefix + "/", link));
    }

    [Fact]
    public async Task The_stylesheet_is_served_under_the_path_base()
    {
        var (status, _, _) = await host.GetAsync("/feedhub/static/site.css");

        Assert.Equal(200, status);
    }
}
