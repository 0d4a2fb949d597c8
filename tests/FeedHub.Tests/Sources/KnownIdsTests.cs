using FeedHub.Sources;

namespace FeedHub.Tests.Sources;

public sealed class KnownIdsTests
{
    private static readonly string[] Regencies =
    [
        "jateng", "kab-banjarnegara", "kab-banyumas", "kab-batang", "kab-blora", "kab-boyolali", "kab-brebes", "kab-cilacap",
        "kab-demak", "kab-grobogan", "kab-jepara", "kab-karanganyar", "kab-kebumen", "kab-kendal", "kab-klaten", "kab-kudus",
    ];

    [Fact]
    public void A_few_known_ids_are_all_listed_in_order()
    {
        Assert.Equal("known: kab-blora, kab-pati", KnownIds.Describe(["kab-x"], ["kab-pati", "kab-blora"]));
    }

    [Fact]
    public void Many_known_ids_give_the_closest_first_and_the_count()
    {
        var text = KnownIds.Describe(["kab-blor"], Regencies);

        Assert.StartsWith("closest of the 16 known: kab-blora, ", text);
        Assert.Equal(5, text["closest of the 16 known: ".Length..].Split(", ").Length);
    }

    [Fact]
    public void A_typed_capital_still_finds_its_id()
    {
        Assert.StartsWith("closest of the 16 known: kab-kudus", KnownIds.Describe(["Kab-Kudus"], Regencies));
    }

    [Fact]
    public void No_configured_sources_is_said_plainly()
    {
        Assert.Equal("no sources are configured", KnownIds.Describe(["kab-blora"], []));
    }
}
