using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class RenderCacheTests
{
    private static Rendered Body(string text) =>
        Rendered.Of(System.Text.Encoding.UTF8.GetBytes(text), "application/atom+xml", new DateTimeOffset(2026, 1, 5, 10, 0, 0, Samples.Wib));

    [Fact]
    public async Task Same_key_and_stamp_is_served_without_rendering_again()
    {
        var cache = new RenderCache();
        var renders = 0;
        var first = await cache.GetOrRenderAsync("atom all ", 7, () => { renders++; return Task.FromResult(Body("a")); });
        var second = await cache.GetOrRenderAsync("atom all ", 7, () => { renders++; return Task.FromResult(Body("b")); });
        Assert.Equal(1, renders);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Holds_no_more_bytes_than_its_bound_dropping_the_least_recently_used()
    {
        var cache = new RenderCache(maxBytes: 1000);
        for (var i = 0; i < 5; i++)
            await cache.GetOrRenderAsync($"atom all since={i}", 7, () => Task.FromResult(Body(new string('x', 400))));

        Assert.Equal(2, cache.Count);
        Assert.Equal(800, cache.Bytes);
    }

    [Fact]
    public async Task A_rendering_larger_than_the_bound_is_served_but_not_kept()
    {
        var cache = new RenderCache(maxBytes: 100);

        var rendered = await cache.GetOrRenderAsync("atom all ", 7, () => Task.FromResult(Body(new string('x', 400))));

        Assert.Equal(400, rendered.Body.Length);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_new_store_stamp_renders_again()
    {
        var cache = new RenderCache();
        await cache.GetOrRenderAsync("atom all ", 7, () => Task.FromResult(Body("a")));
        var after = await cache.GetOrRenderAsync("atom all ", 8, () => Task.FromResult(Body("b")));
        Assert.Equal("b"u8.ToArray(), after.Body);
    }

    [Fact]
    public async Task A_render_for_an_older_stamp_does_not_replace_a_newer_one()
    {
        var cache = new RenderCache();
        await cache.GetOrRenderAsync("k", 8, () => Task.FromResult(Body("new")));
        await cache.GetOrRenderAsync("k", 7, () => Task.FromResult(Body("old")));
        Assert.Equal("new"u8.ToArray(), (await cache.GetOrRenderAsync("k", 8, () => Task.FromResult(Body("again")))).Body);
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
    public async Task Keeps_at_most_its_capacity_dropping_the_least_recently_used()
    {
        var cache = new RenderCache(capacity: 2);
        await cache.GetOrRenderAsync("a", 1, () => Task.FromResult(Body("a")));
        await cache.GetOrRenderAsync("b", 1, () => Task.FromResult(Body("b")));
        await cache.GetOrRenderAsync("a", 1, () => Task.FromResult(Body("a2")));
        await cache.GetOrRenderAsync("c", 1, () => Task.FromResult(Body("c")));
        Assert.Equal(2, cache.Count);
        Assert.Equal("a"u8.ToArray(), (await cache.GetOrRenderAsync("a", 1, () => Task.FromResult(Body("a3")))).Body);
        Assert.Equal("b2"u8.ToArray(), (await cache.GetOrRenderAsync("b", 1, () => Task.FromResult(Body("b2")))).Body);
    }

    [Fact]
    public async Task Serves_concurrent_readers_consistently()
    {
        var cache = new RenderCache(capacity: 8);
        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(() => cache.GetOrRenderAsync($"k{i % 16}", 1, () => Task.FromResult(Body($"k{i % 16}")))));
        var results = await Task.WhenAll(tasks);
        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal(Body($"k{x.i % 16}").ETag, x.r.ETag));
        Assert.True(cache.Count <= 8);
    }
}
