using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class PublishedSourcesTests
{
    private static readonly PublishedSources Central = new(
        [Samples.Source("kab-blora"), Samples.Source("kota-semarang"), Samples.Source("jateng") with { Region = "jawa-tengah-provinsi" }]);

    [Theory]
    [InlineData(FeedScopeKind.Source, "kab-blora", true)]
    [InlineData(FeedScopeKind.Source, "kab-sleman", false)]
    [InlineData(FeedScopeKind.Region, "jawa-tengah", true)]
    [InlineData(FeedScopeKind.Region, "jawa-timur", false)]
    [InlineData(FeedScopeKind.Category, "Kategori Tanpa Berita", true)]
    public void Covers_configured_sources_and_regions_and_every_category(FeedScopeKind kind, string key, bool covered) =>
        Assert.Equal(covered, Central.Covers(new FeedScope(kind, key)));

    [Fact]
    public void Scopes_are_the_combined_feed_then_sources_then_regions()
    {
        Assert.Equal(
            ["all", "source:kab-blora", "source:kota-semarang", "source:jateng", "region:jawa-tengah", "region:jawa-tengah-provinsi"],
            Central.Scopes().Select(s => s.ToString()));
    }

    [Fact]
    public void Fingerprint_is_equal_for_an_equal_configuration() =>
        Assert.Equal(Central.Fingerprint, new PublishedSources(Central.Sources.ToList()).Fingerprint);

    [Fact]
    public void Fingerprint_changes_when_a_source_is_renamed()
    {
        var renamed = new PublishedSources(Central.Sources.Select(s => s with { Name = s.Name + " " }).ToList());
        Assert.NotEqual(Central.Fingerprint, renamed.Fingerprint);
    }
}
