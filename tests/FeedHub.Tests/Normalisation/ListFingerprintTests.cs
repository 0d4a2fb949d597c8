using FeedHub.Extraction;
using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public class ListFingerprintTests
{
    private static readonly Uri Url = new("https://kab-contoh.kpu.go.id/blog/read/9012_kpu-contoh-gelar-rapat");

    private static string Of(string? title, string? excerpt) => ListFingerprint.Of(new ListEntry(Url, title, excerpt));

    [Fact]
    public void Ignores_the_view_counter_before_the_title() =>
        Assert.Equal(Of("KPU Contoh Gelar Rapat", "75\nContoh – Teks sintetis, Senin (5/1/2026). (HumasKPUContoh)\nSelengkapnya"),
            Of("KPU Contoh Gelar Rapat", "76\nContoh – Teks sintetis, Senin (5/1/2026). (HumasKPUContoh)\nSelengkapnya"));

    [Fact]
    public void Ignores_counters_and_read_more_within_one_line() =>
        Assert.Equal(Of("KPU Contoh Gelar Rapat", "Contoh – Teks sintetis."),
            Of("KPU Contoh Gelar Rapat", "75 Contoh – Teks sintetis. Telah dilihat 75 kali Selengkapnya"));

    [Fact]
    public void Changes_when_the_excerpt_is_edited() =>
        Assert.NotEqual(Of("KPU Contoh Gelar Rapat", "75\nContoh – Teks sintetis."),
            Of("KPU Contoh Gelar Rapat", "75\nContoh – Teks sintetis yang diperbaiki."));

    [Fact]
    public void Changes_when_the_title_is_edited() =>
        Assert.NotEqual(Of("KPU Contoh Gelar Rapat", "Teks"), Of("KPU Contoh Gelar Rapat Pleno", "Teks"));

    [Fact]
    public void Accepts_an_entry_with_no_title_or_excerpt() =>
        Assert.Matches("^[0-9a-f]{64}$", Of(null, null));
}
