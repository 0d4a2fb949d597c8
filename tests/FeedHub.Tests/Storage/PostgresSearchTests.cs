using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

/// <summary>PostgreSQL's search reads Indonesian: words match by their stem (SQLite's FTS5 matches whole words).</summary>
public sealed class PostgresSearchTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider: StoreProvider.Postgres);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.CommitAsync(
            TestItems.Write("kab-blora", 1, TestItems.WibTime(8, 9), title: "Daftar Pemilih Tetap Ditetapkan",
                content: "<p>Rapat pleno terbuka di aula KPU.</p>"),
            TestItems.Write("kab-blora", 2, TestItems.WibTime(8, 10), title: "Tahapan Pemilihan Bupati",
                content: "<p>Jadwal pemilihan kepala daerah serentak.</p>"),
            TestItems.Write("kab-blora", 3, TestItems.WibTime(8, 11), title: "Rekrutmen Badan Adhoc",
                content: "<p>Pendaftaran anggota PPK dibuka.</p>"));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Theory]
    [InlineData("pemilih", new[] { 1, 2 })]
    [InlineData("pemilihan", new[] { 1, 2 })]
    [InlineData("daftar", new[] { 1, 3 })]
    [InlineData("ditetapkan", new[] { 1 })]
    public async Task Words_match_by_their_indonesian_stem(string text, int[] expected)
    {
        var items = await _db.Items.QueryAsync(new ItemFilter { Text = text }, CancellationToken.None);

        Assert.Equal(expected.Select(n => $"kab-blora:{n}").Reverse(), items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("\"pemilihan bupati\"", new[] { 2 })]
    [InlineData("\"bupati pemilihan\"", new int[0])]
    [InlineData("\"pleno terbuka\"", new[] { 1 })]
    public async Task A_quoted_phrase_keeps_its_word_order(string text, int[] expected)
    {
        var items = await _db.Items.QueryAsync(new ItemFilter { Text = text }, CancellationToken.None);

        Assert.Equal(expected.Select(n => $"kab-blora:{n}").Reverse(), items.Select(i => i.Id));
    }

    [Fact]
    public async Task Every_term_is_required()
    {
        var items = await _db.Items.QueryAsync(new ItemFilter { Text = "pemilih pleno" }, CancellationToken.None);

        Assert.Equal(["kab-blora:1"], items.Select(i => i.Id));
    }
}
