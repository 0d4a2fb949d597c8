using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public sealed class MetaLineTests
{
    [Theory]
    [InlineData("08 May 2020 | 0 Comments | By admin")]
    [InlineData("08 May 2020 | No Comments | By kpukabpati")]
    [InlineData("Rabu, 25 November 2026 · Dilihat 123 kali")]
    [InlineData("Jum'at, 5 Des 2025 · Dilihat 1.204 kali")]
    [InlineData("Telah dilihat 12 kali")]
    [InlineData("Dibaca 40 kali")]
    [InlineData("Senin, 12 Januari 2026 pukul 09.30 WIB")]
    [InlineData("Posted on 08 May 2020 by admin")]
    [InlineData("Diposting pada 25 November 2026 | Admin")]
    [InlineData("Penulis: Humas KPU Kota Salatiga")]
    [InlineData("Tags: Pemilu, Pilkada, Sosialisasi")]
    [InlineData("Oleh: Admin | Rabu, 25 November 2026")]
    [InlineData("Tanggal: 25 November 2026 Dibaca: 123")]
    [InlineData("Dipublikasikan 25 November 2026 · 4 menit baca")]
    public void Recognises_a_line_about_the_post(string line)
    {
        Assert.True(MetaLine.Is(line));
    }

    [Theory]
    [InlineData("Blora, 8 Desember 2025 — KPU Kabupaten Blora menggelar rapat pleno.")]
    [InlineData("Semarang, 6 Oktober 2025-")]
    [InlineData("dok. foto Peserta rapat")]
    [InlineData("By : MM")]
    [InlineData("(HumasKPUKendal)")]
    [InlineData("Rapat dibuka oleh Ketua pada 12 Januari 2026")]
    [InlineData("Oleh karena itu rapat ditunda")]
    [InlineData("")]
    public void Leaves_a_line_of_the_story(string line)
    {
        Assert.False(MetaLine.Is(line));
    }
}
