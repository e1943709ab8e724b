/// Staff positions of health programmes, finance, planning and civil-service units.
extension DemoJobCatalog {
    static let kesmas: [DemoJob] = [
        DemoJob(
            "Epidemiolog Kesehatan Ahli Pertama", 2, ["Kesehatan", "Penyakit"],
            "melaksanakan surveilans dan pengendalian penyakit",
            ["Melaksanakan surveilans penyakit", "Menyelidiki kejadian luar biasa", "Menganalisis data epidemiologi"]),
        DemoJob(
            "Penyuluh Kesehatan Masyarakat Ahli Muda", 1.5, ["Kesehatan"],
            "merancang promosi kesehatan dan pemberdayaan masyarakat",
            [
                "Menyusun rencana promosi kesehatan", "Melaksanakan penyuluhan dan pemberdayaan masyarakat",
                "Mengevaluasi program promosi kesehatan",
            ]),
        DemoJob(
            "Nutrisionis Ahli Pertama", 1.5, ["Kesehatan Masyarakat", "Puskesmas"],
            "melaksanakan pelayanan gizi masyarakat",
            ["Memantau status gizi balita", "Memberikan konseling gizi", "Melaksanakan intervensi gizi spesifik"]),
        DemoJob(
            "Tenaga Sanitasi Lingkungan Terampil", 1.5, ["Kesehatan Masyarakat", "Penyakit", "Puskesmas"],
            "melaksanakan pengawasan kesehatan lingkungan",
            [
                "Melaksanakan inspeksi sanitasi", "Memeriksa kualitas air minum",
                "Memicu sanitasi total berbasis masyarakat",
            ]),
        DemoJob(
            "Penyuluh Keluarga Berencana Ahli Pertama", 4, ["Keluarga Berencana", "Penduduk", "Keluarga"],
            "melaksanakan penyuluhan dan pelayanan keluarga berencana",
            [
                "Melaksanakan penyuluhan keluarga berencana", "Mendampingi keluarga berisiko stunting",
                "Mencatat dan melaporkan capaian program",
            ]),
    ]
    static let keu: [DemoJob] = [
        DemoJob(
            "Analis Keuangan Pusat dan Daerah Ahli Pertama", 2, [], "menganalisis dan menyusun laporan keuangan daerah",
            [
                "Memverifikasi dokumen pelaksanaan anggaran", "Menyusun laporan keuangan",
                "Menganalisis realisasi anggaran",
            ]),
        DemoJob(
            "Analis Keuangan Pusat dan Daerah Ahli Muda", 1, [], "menganalisis kebijakan dan kinerja keuangan daerah",
            [
                "Menganalisis kapasitas fiskal daerah", "Menyusun rekomendasi kebijakan anggaran",
                "Mereviu laporan keuangan",
            ]),
        DemoJob(
            "Bendahara", 1.5, [], "menatausahakan penerimaan dan pengeluaran uang",
            [
                "Menerima, menyimpan, dan membayarkan uang", "Menyusun buku kas dan laporan pertanggungjawaban",
                "Memungut dan menyetor pajak",
            ]),
        DemoJob(
            "Pengelola Keuangan", 2, [], "menatausahakan dokumen keuangan",
            [
                "Menyiapkan dokumen permintaan pembayaran", "Memverifikasi bukti pengeluaran",
                "Mengarsipkan dokumen keuangan",
            ]),
        DemoJob(
            "Pengelola Pajak dan Retribusi Daerah", 3, ["Pendapatan", "Pajak", "Penagihan", "Pendataan"],
            "mendata, menetapkan, dan menagih pajak daerah",
            [
                "Mendata objek dan wajib pajak", "Menghitung dan menetapkan pajak terutang",
                "Menagih tunggakan pajak daerah",
            ]),
    ]
    static let pbj: [DemoJob] = [
        DemoJob(
            "Pengelola Pengadaan Barang/Jasa Ahli Pertama", 3, ["Pengadaan"],
            "melaksanakan pemilihan penyedia barang/jasa",
            ["Menyusun dokumen pemilihan", "Melaksanakan pemilihan penyedia melalui SPSE", "Melaksanakan e-purchasing"]),
        DemoJob(
            "Pengelola Pengadaan Barang/Jasa Ahli Muda", 1, ["Pengadaan"], "mengelola tender barang/jasa yang kompleks",
            [
                "Menyusun strategi pengadaan", "Melaksanakan tender pekerjaan konstruksi",
                "Mendampingi perangkat daerah dalam pengadaan",
            ]),
        DemoJob(
            "Pengurus Barang", 2, [], "menatausahakan barang milik daerah",
            [
                "Mencatat penerimaan dan pengeluaran barang", "Melakukan inventarisasi barang",
                "Menyusun laporan barang milik daerah",
            ]),
    ]
    static let wasda: [DemoJob] = [
        DemoJob(
            "Auditor Ahli Pertama", 3, [], "melaksanakan audit dan reviu atas perangkat daerah",
            ["Menyusun kertas kerja audit", "Menguji bukti audit", "Menyusun konsep laporan hasil audit"]),
        DemoJob(
            "Auditor Ahli Muda", 1.5, [], "memimpin penugasan audit",
            [
                "Menyusun program kerja audit", "Mereviu kertas kerja anggota tim",
                "Mengomunikasikan temuan kepada auditi",
            ]),
        DemoJob(
            "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama", 2, [],
            "mengawasi penyelenggaraan urusan pemerintahan daerah",
            [
                "Memeriksa kinerja penyelenggaraan urusan pemerintahan",
                "Mengevaluasi penyelenggaraan pemerintahan daerah", "Memantau tindak lanjut hasil pengawasan",
            ]),
    ]
    static let ekon: [DemoJob] = [
        DemoJob(
            "Pengawas Koperasi Ahli Pertama", 2, ["Koperasi"], "mengawasi dan membina koperasi",
            ["Memeriksa kesehatan koperasi", "Membina tata kelola koperasi", "Menyusun laporan pengawasan koperasi"]),
        DemoJob(
            "Penera Terampil", 3, ["Metrologi"], "melaksanakan tera dan tera ulang alat ukur",
            ["Melaksanakan tera dan tera ulang UTTP", "Mengawasi tertib ukur di pasar", "Mencatat hasil tera"]),
        DemoJob(
            "Pengawas Perdagangan Ahli Pertama", 1.5, ["Perdagangan", "Pasar"],
            "mengawasi kegiatan perdagangan dan barang beredar",
            [
                "Mengawasi barang beredar dan jasa", "Memantau harga dan stok bahan pokok",
                "Menindaklanjuti pengaduan konsumen",
            ]),
        DemoJob(
            "Pengelola Pasar", 3, ["Pasar"], "mengelola operasional dan retribusi pasar",
            ["Mengatur penempatan pedagang", "Memungut retribusi pasar", "Menjaga kebersihan dan ketertiban pasar"]),
        DemoJob(
            "Pembina Industri Ahli Pertama", 1.5, ["Perindustrian"], "membina industri kecil dan menengah",
            [
                "Mendata dan membina industri kecil dan menengah", "Memfasilitasi sertifikasi produk",
                "Memantau perkembangan industri",
            ]),
        DemoJob(
            "Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama", 2, ["Pariwisata", "Ekonomi Kreatif"],
            "mengembangkan destinasi dan pemasaran pariwisata",
            ["Menyusun profil destinasi wisata", "Melaksanakan promosi pariwisata", "Membina pelaku ekonomi kreatif"]),
    ]
    static let renbang: [DemoJob] = [
        DemoJob(
            "Perencana Ahli Pertama", 3, [], "menyiapkan dokumen perencanaan pembangunan",
            [
                "Menghimpun data perencanaan", "Menyusun rancangan rencana kerja",
                "Menyiapkan bahan musyawarah perencanaan pembangunan",
            ]),
        DemoJob(
            "Perencana Ahli Muda", 1.5, [], "menganalisis dan menyusun rencana pembangunan",
            [
                "Menganalisis keterkaitan program dengan sasaran RPJMD", "Menyusun pohon kinerja",
                "Mengevaluasi pelaksanaan rencana pembangunan",
            ]),
        DemoJob(
            "Peneliti Ahli Pertama", 1.5, ["Riset"], "melaksanakan penelitian untuk kebijakan daerah",
            [
                "Menyusun proposal penelitian", "Mengumpulkan dan menganalisis data penelitian",
                "Menyusun rekomendasi kebijakan berbasis bukti",
            ]),
    ]
    static let masn: [DemoJob] = [
        DemoJob(
            "Analis Sumber Daya Manusia Aparatur Ahli Pertama", 3, [], "melaksanakan manajemen ASN",
            ["Memproses layanan kepegawaian", "Menyusun analisis jabatan dan beban kerja", "Memutakhirkan data ASN"]),
        DemoJob(
            "Analis Sumber Daya Manusia Aparatur Ahli Muda", 1.5, [], "menganalisis kebutuhan dan pengembangan ASN",
            ["Menyusun kebutuhan ASN", "Menganalisis kesenjangan kompetensi", "Menyusun pola karier"]),
        DemoJob(
            "Asesor Sumber Daya Manusia Aparatur Ahli Muda", 1.5, ["Kompetensi", "Kepegawaian"],
            "melaksanakan penilaian kompetensi ASN",
            [
                "Merancang penilaian dengan metode assessment center", "Melaksanakan penilaian kompetensi",
                "Menyusun laporan hasil penilaian",
            ]),
        DemoJob(
            "Widyaiswara Ahli Muda", 1, ["Kompetensi Aparatur"],
            "mendidik dan melatih dalam pengembangan kompetensi ASN",
            ["Menyusun bahan ajar", "Mengajar dan melatih peserta pelatihan", "Mengevaluasi hasil pembelajaran"]),
    ]
}
