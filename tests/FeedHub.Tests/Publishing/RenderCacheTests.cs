using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class RenderCacheTests
{
    private static Rendered Body(string text) =>
        Rendered.Of(System.Text.Encoding.UTF8.GetBytes(text), "application/atom+xml", new DateTimeOffset(2026, 1, 5, 10, 0, 0, Samples.Wib));

    [Fact]
    public void Same_key_and_stamp_is_served_without_rendering_again()
    {
        var cache = new RenderCache();
        var renders = 0;
        var first = cache.GetOrRender("atom all ", 7, () => { renders++; return Body("a"); });
        var second = cache.GetOrRender("atom all ", 7, () => { renders++; return Body("b"); });
        Assert.Equal(1, renders);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_new_store_stamp_renders_again()
    {
        var cache = new RenderCache();
        cache.GetOrRender("atom all ", 7, () => Body("a"));
        var after = cache.GetOrRender("atom all ", 8, () => Body("b"));
        Assert.Equal("b"u8.ToArray(), after.Body);
    }

    [Fact]
    public void A_render_for_an_older_stamp_does_not_replace_a_newer_one()
    {
        var cache = new RenderCache();
        cache.GetOrRender("k", 8, () => Body("new"));
        cache.GetOrRender("k", 7, () => Body("old"));
        Assert.Equal("new"u8.ToArray(), cache.GetOrRender("k", 8, () => Body("again")).Body);
    }

    [Fact]
    public void ETag_is_the_quoted_start_of_the_SHA256_and_stable_for_equal_bytes()
    {
        var a = Body("<feed/>");
        Assert.Matches("^\"[0-9a-f]{32}\"$", a.ETag);
        Assert.Equal(a.ETag, Body("<feed/>").ETag);
        Assert.NotEqual(a.ETag, Body("<feed />").ETag);
    }

    [Fact]
    public void Keeps_at_most_its_capacity_dropping_the_least_recently_used()
    {
        var cache = new RenderCache(capacity: 2);
        cache.GetOrRender("a", 1, () => Body("a"));
        cache.GetOrRender("b", 1, () => Body("b"));
        cache.GetOrRender("a", 1, () => Body("a2"));
        cache.GetOrRender("c", 1, () => Body("c"));
        Assert.Equal(2, cache.Count);
        Assert.Equal("a"u8.ToArray(), cache.GetOrRender("a", 1, () => Body("a3")).Body);
        Assert.Equal("b2"u8.ToArray(), cache.GetOrRender("b", 1, () => Body("b2")).Body);
    }

    [Fact]
    public async Task Serves_concurrent_readers_consistently()
    {
        var cache = new RenderCache(capacity: 8);
        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(() => cache.GetOrRender($"k{i % 16}", 1, () => Body($"k{i % 16}"))));
        var results = await Task.WhenAll(tasks);
        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal(Body($"k{x.i % 16}").ETag, x.r.ETag));
        Assert.True(cache.Count <= 8);
    }
}
