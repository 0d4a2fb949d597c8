using FeedHub.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Tests.Fetching;

public sealed class AddPoliteFetchingTests
{
    [Fact]
    public async Task Registered_fetcher_fetches_an_allowed_source()
    {
        await using var site = await TestSite.StartAsync("127.0.0.2", app => app.MapGet("/blog/category/104", () => "<ul><li>Berita</li></ul>"));
        await using var services = new ServiceCollection()
            .AddPoliteFetching(o => o.MinHostGap = TimeSpan.Zero)
            .BuildServiceProvider();
        services.GetRequiredService<OutboundPolicy>().Allow([site.BaseUrl]);

        var fetcher = services.GetRequiredService<IFetcher>();
        var result = await fetcher.FetchAsync(new FetchRequest(site.Url("/blog/category/104")), CancellationToken.None);

        Assert.Same(services.GetRequiredService<PoliteFetcher>(), fetcher);
        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(1, site.CountOf("/robots.txt"));
    }
}
