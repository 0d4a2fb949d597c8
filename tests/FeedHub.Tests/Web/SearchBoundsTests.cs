using FeedHub.Tests.Web.Dashboard;

namespace FeedHub.Tests.Web;

/// <summary>The dashboard's <c>/items?q=</c> search takes the same bounds as a feed's <c>?q=</c>.</summary>
public sealed class SearchBoundsTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task Item_search_refuses_more_terms_than_the_limit_naming_q()
    {
        var words = string.Join('+', Enumerable.Range(0, 21).Select(i => $"w{i}"));

        var (status, body, _) = await host.GetAsync($"/items?q={words}");

        Assert.Equal(400, status);
        Assert.Contains("'q'", body);
        Assert.Contains("limit is 20", body);
    }

    [Fact]
    public async Task Item_search_refuses_text_longer_than_the_limit_naming_q()
    {
        var (status, body, _) = await host.GetAsync($"/items?q={new string('a', 201)}");

        Assert.Equal(400, status);
        Assert.Contains("'q'", body);
    }
}
