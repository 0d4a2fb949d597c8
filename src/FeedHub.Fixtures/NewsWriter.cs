namespace FeedHub.Fixtures;

/// <summary>Synthetic Indonesian election-office news in the KPU sites' register: titles, paragraphs, captions.</summary>
internal sealed class NewsWriter(SiteRoster.Identity site, Random rng)
{
    private static readonly string[] Topics =
    [
        "Pemutakhiran Data Pemilih Berkelanjutan", "Pengelolaan Arsip", "Pendidikan Pemilih", "Pengawasan Internal",
        "Penyusunan Laporan Keuangan", "Evaluasi Pemilihan Serentak 2024", "Penggunaan Aplikasi SIDALIH",
        "Penyelesaian Sengketa Proses Pemilu", "Keterbukaan Informasi Publik", "Pembangunan Zona Integritas",
        "Pengelolaan Barang Milik Negara", "Penguatan Kelembagaan", "Rekrutmen Badan Ad Hoc", "Kehumasan dan Media Sosial",
    ];
    private static readonly string[] Audiences =
    [
        "Pemilih Pemula", "Penyandang Disabilitas", "Organisasi Kemasyarakatan", "Mahasiswa", "Pelajar SMA",
        "Komunitas Perempuan", "Tokoh Agama", "Karang Taruna", "Partai Politik",
    ];
    private static readonly string[] Visitors =
    [
        "Bawaslu", "DPRD", "Tim Inspektorat KPU RI", "Mahasiswa UIN Walisongo", "Pelajar SMA Negeri 1", "Kesbangpol",
    ];
    private static readonly string[] Forums = ["Kamis Hukum", "Jumat Berkah", "Ngopi Bareng Pemilih", "Rabu Belajar"];
    private static readonly string[] People =
    [
        "Ahmad Fauzi", "Siti Rahmawati", "Budi Santoso", "Dewi Lestari", "Agus Prasetyo", "Rina Wulandari",
        "Muhammad Arifin", "Sri Handayani", "Eko Nugroho", "Nur Hidayah",
    ];
    private static readonly string[] Divisions =
    [
        "Teknis Penyelenggaraan", "Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat", "Hukum dan Pengawasan",
        "Perencanaan, Data dan Informasi", "Sumber Daya Manusia, Penelitian dan Pengembangan",
    ];
    private static readonly string[] Hashtags = ["TemanPemilih", "KPUMelayani", "PemilihBerdaulatNegaraKuat", "KPURI"];

    private string Office => site.Name;

    /// <summary>A headline and the topic its story is about.</summary>
    public (string Title, string Topic) Headline()
    {
        var topic = rng.Pick(Topics);
        var title = rng.Next(9) switch
        {
            0 => $"{Office} Gelar Rapat Koordinasi {topic}",
            1 => $"{Office} Ikuti Bimbingan Teknis {topic}",
            2 => $"Sosialisasi {topic} bagi {rng.Pick(Audiences)}",
            3 => $"{Office} Terima Kunjungan {rng.Pick(Visitors)} {site.Place}",
            4 => $"{Office} Tingkatkan Kapasitas Lewat Forum \"{rng.Pick(Forums)}\"",
            5 => $"Apel Pagi {Office}, Perkuat Komitmen {topic}",
            6 => $"{Office} Laksanakan Coklit Terbatas di Kecamatan {rng.Pick(Kecamatan)}",
            7 => $"Rapat Pleno Rekapitulasi {topic} & Tindak Lanjutnya",
            _ => $"{Office} Evaluasi {topic} Bersama {rng.Pick(Visitors)}",
        };
        return (title, topic);
    }

    private static readonly string[] Kecamatan = ["Kota", "Utara", "Selatan", "Timur", "Barat", "Tengah", "Sukamaju", "Karangrejo"];

    /// <summary>Three to five paragraphs, then sometimes a photo caption, then the credit line.</summary>
    public List<string> Paragraphs(string headlineTopic, string credit)
    {
        var topic = headlineTopic.ToLowerInvariant();
        var audience = rng.Pick(Audiences).ToLowerInvariant();
        var chair = rng.Pick(People);
        var member = rng.Pick(People.Where(p => p != chair).ToArray());
        var pool = new List<string>
        {
            $"{Office} menggelar kegiatan {topic} yang diikuti oleh {rng.Next(20, 180)} peserta dari unsur {audience} di aula kantor setempat.",
            $"Ketua {Office}, {chair}, dalam sambutannya menyampaikan bahwa {topic} merupakan bagian penting dari penyelenggaraan pemilihan yang jujur dan adil.",
            $"Kegiatan ini bertujuan meningkatkan pemahaman {audience} mengenai {topic}, sekaligus memperkuat koordinasi antarlembaga.",
            $"Anggota {Office} Divisi {rng.Pick(Divisions)}, {member}, menambahkan bahwa seluruh jajaran siap menjalankan tugas secara profesional.",
            "Menurutnya, partisipasi masyarakat menjadi kunci keberhasilan penyelenggaraan pemilu di daerah.",
            "Acara ditutup dengan sesi tanya jawab dan foto bersama seluruh peserta.",
        };
        var count = rng.Next(3, 6);
        var paragraphs = pool.Take(count).ToList();
        if (rng.Chance(0.4)) paragraphs.Insert(1, $"dok. foto {rng.Pick(["Peserta kegiatan", "Suasana rapat", "Ketua KPU memberikan sambutan", "Foto bersama"])}");
        paragraphs[^1] = $"{paragraphs[^1]} {credit}";
        return paragraphs;
    }

    public string Hashtag() => rng.Pick(Hashtags);
}
