using FeedHub.Sources;

namespace FeedHub.Tests.Sources;

public sealed class CategoryNamesTests
{
    [Theory]
    [InlineData(104, "Berita Terkini")]
    [InlineData(105, "Sosialisasi")]
    [InlineData(11, "Pengumuman")]
    [InlineData(999, "Kategori 999")]
    public void Names_a_category_id_the_way_most_sites_do(int id, string name)
    {
        Assert.Equal(name, CategoryNames.Of(id));
    }
}
