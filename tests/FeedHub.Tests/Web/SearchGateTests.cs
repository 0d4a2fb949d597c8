using FeedHub.Publishing;
using FeedHub.Tests.Web.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Tests.Web;

/// <summary>
/// Uncached searches pass a gate of <c>Web:MaxConcurrentSearches</c> slots; past it they are refused with
/// 503 and Retry-After, while health, plain feeds and cached searches never wait on it. The tests hold
/// every slot themselves, so "full" is a fact, not a race.
/// </summary>
public sealed class SearchGateTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Theory]
    [InlineData("/feeds/all.atom?q=sosialisasi")]
    [InlineData("/items?q=sosialisasi")]
    public async Task A_search_past_the_gate_is_refused_with_503_and_retry_after(string path)
    {
        using (HoldEverySlot())
        {
            var (status, body, response) = await host.GetAsync(path);

            Assert.Equal(503, status);
            Assert.Equal(SearchGate.RetryAfter, response.Headers.RetryAfter?.Delta);
            Assert.Contains("Too many searches", body);
        }

        Assert.Equal(200, (await host.GetAsync(path)).Status);
    }

    [Fact]
    public async Task Health_plain_feeds_and_a_cached_search_answer_while_every_slot_is_held()
    {
        var cached = await host.GetAsync("/feeds/all.rss?q=pemilu");
        Assert.Equal(200, cached.Status);

        using (HoldEverySlot())
        {
            var health = await host.GetAsync("/healthz");
            Assert.Contains("\"database\"", health.Body);
            Assert.NotEqual(503, health.Status);
            Assert.Equal(200, (await host.GetAsync("/feeds/all.atom")).Status);
            Assert.Equal(200, (await host.GetAsync("/feeds/kab-blora.json")).Status);
            var again = await host.GetAsync("/feeds/all.rss?q=pemilu");
            Assert.Equal(200, again.Status);
            Assert.Equal(cached.Body, again.Body);
        }
    }

    private Slots HoldEverySlot()
    {
        var gate = host.App.Services.GetRequiredService<SearchGate>();
        return new Slots(Enumerable.Range(0, SearchGate.DefaultMaxConcurrent).Select(_ => gate.Enter()).ToList());
    }

    private sealed class Slots(List<IDisposable> held) : IDisposable
    {
        public void Dispose() => held.ForEach(slot => slot.Dispose());
    }
}
