using FeedHub.Crawling;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// Two runs of one source at once (the demo's first pass while the scheduler fires, a backfill beside `run`'s
/// job) both read the site, but the store decides at commit: the later commit finds what the earlier one
/// stored, so no article is stored twice or counted as updated.
/// </summary>
public sealed class ConcurrentRunTests
{
    [Fact]
    public async Task Two_passes_at_once_store_each_article_once_and_update_nothing()
    {
        await using var rig = await CrawlRig.StartAsync(siteCount: 2);

        var passes = await Task.WhenAll(rig.CrawlAsync(), rig.CrawlAsync());

        foreach (var source in rig.Sources)
        {
            var (first, second) = (rig.ReportOf(passes[0], source.Id), rig.ReportOf(passes[1], source.Id));
            Assert.Equal(rig.ItemRows(source.Id).Count, first.New + second.New);
            Assert.Equal(0, first.Updated + second.Updated);
            Assert.True(first.New == 0 || second.New == 0, $"{source.Id}: both runs stored new items ({first.New} and {second.New})");
        }
    }
}
