import KompetenCore

/// The demo programme rows beyond the structural kinds: functional, e-learning, coaching, events
/// and formal education.
extension DemoCatalogue {
    static let functional: [Row] = [
        Row(
            "FNG-ANKEB", "Pelatihan Fungsional Analis Kebijakan", "KL04", "LAN-PUSLATBANG-KMP", ["M.8", "T.RENBANG"],
            jp: 80, cost: 12_500_000, cap: 30,
            "Pelatihan pembentukan jabatan fungsional analis kebijakan: analisis, advokasi, dan penulisan naskah kebijakan.",
            audience: .pns),
        Row(
            "FNG-AUDITOR", "Pelatihan Penjenjangan Fungsional Auditor Ahli Pertama", "KL04", "BPSDMD-NTT", ["T.WASDA"],
            jp: 60, cost: 9_000_000, cap: 30,
            "Pelatihan penjenjangan auditor: standar audit intern pemerintah, reviu laporan keuangan, dan evaluasi SAKIP.",
            audience: .pns),
        Row(
            "PJJ-PBJ", "Pelatihan Jarak Jauh Pengadaan Barang/Jasa melalui E-Katalog", "NKL04", "BPSDMD-NTT", ["T.PBJ"],
            jp: 24, cost: 1_250_000, cap: 60,
            "Pelatihan jarak jauh terstruktur tentang belanja melalui e-katalog dan toko daring pemerintah.",
            online: .always("Daring (Zoom)")),
        Row(
            "MAGANG-DUKCAPIL", "Magang Pelayanan Administrasi Kependudukan di Dispendukcapil Kota Surabaya", "NKL12",
            "BPSDM-KEMENDAGRI", ["T.ADMDUK", "M.5"], jp: 40, cost: 9_500_000, cap: 20,
            "Praktik kerja di unit pelayanan adminduk daerah percontohan: pelayanan daring, jemput bola, dan integrasi data.",
            audience: .pns, online: .sometimes(0), venue: "Dispendukcapil Kota Surabaya, Jawa Timur"),
    ]

    static let eLearning: [Row] = {
        let lan = Online.always("Daring (LMS ASN Unggul LAN)")
        let bpsdmd = Online.always("Daring (LMS BPSDMD NTT)")
        return [
            Row(
                "ELN-M1", "E-Learning Integritas dan Nilai Dasar ASN BerAKHLAK", "NKL03", "LAN-PUSLATBANG-KMP", ["M.1"],
                jp: 6, cost: 0, cap: 500,
                "Kelas daring mandiri tentang nilai dasar BerAKHLAK, kode etik, dan integritas ASN.",
                role: .general, online: lan),
            Row(
                "ELN-M2", "E-Learning Kolaborasi dan Kerja Sama Lintas Sektor", "NKL03", "LAN-PUSLATBANG-KMP", ["M.2"],
                jp: 4, cost: 0, cap: 500, "Kelas daring mandiri tentang kolaborasi dalam tim dan antarinstansi.",
                role: .general, online: lan),
            Row(
                "ELN-M3", "E-Learning Menulis Naskah Dinas dan Komunikasi Publik", "NKL03", "BPSDMD-NTT", ["M.3"],
                jp: 6, cost: 150_000, cap: 300,
                "Kelas daring tentang bahasa Indonesia yang baik dalam naskah dinas dan media sosial instansi.",
                role: .general, online: bpsdmd),
            Row(
                "ELN-M4", "E-Learning Penyusunan SKP dan Manajemen Kinerja ASN", "NKL03", "LAN-PUSLATBANG-KMP", ["M.4"],
                jp: 8, cost: 0, cap: 500, "Kelas daring mandiri tentang ekspektasi kinerja, SKP, dan dialog kinerja.",
                role: .general, online: lan),
            Row(
                "ELN-M5", "E-Learning Dasar-Dasar Pelayanan Publik", "NKL03", "LAN-PUSLATBANG-KMP", ["M.5"],
                jp: 8, cost: 0, cap: 500,
                "Kelas daring mandiri tentang UU Pelayanan Publik, standar pelayanan, dan maladministrasi.",
                role: .general, online: lan),
            Row(
                "ELN-M6", "E-Learning Pengembangan Diri dan Rencana Pengembangan Individu", "NKL03", "BPSDMD-NTT",
                ["M.6"],
                jp: 4, cost: 100_000, cap: 300,
                "Kelas daring tentang menyusun rencana pengembangan kompetensi pribadi dan tim.",
                role: .general, online: bpsdmd),
            Row(
                "ELN-M7", "E-Learning Transformasi Digital dan Budaya Inovasi", "NKL03", "LAN-PUSLATBANG-KMP",
                ["M.7", "T.TIK"],
                jp: 10, cost: 0, cap: 500,
                "Kelas daring mandiri tentang transformasi digital pemerintahan dan budaya inovasi.",
                role: .general, online: lan),
            Row(
                "ELN-M8", "E-Learning Pengambilan Keputusan Berbasis Data", "NKL03", "BPSDMD-NTT", ["M.8"],
                jp: 6, cost: 150_000, cap: 300,
                "Kelas daring tentang membaca data, dasbor, dan risiko dalam pengambilan keputusan.",
                role: .general, online: bpsdmd),
            Row(
                "ELN-SK1", "E-Learning Wawasan Kebangsaan dan Moderasi", "NKL03", "LAN-PUSLATBANG-KMP", ["SK.1"],
                jp: 6, cost: 0, cap: 500, "Kelas daring mandiri tentang Pancasila, kebinekaan, dan netralitas ASN.",
                role: .general, online: lan),
            Row(
                "ELN-SRIKANDI", "E-Learning Tata Naskah Dinas Elektronik (SRIKANDI)", "NKL03", "BPSDMD-NTT",
                ["T.ARSIP"],
                jp: 6, cost: 100_000, cap: 300,
                "Kelas daring tentang pembuatan, pengiriman, dan pengarsipan naskah dinas melalui SRIKANDI.",
                role: .general, online: bpsdmd),
            Row(
                "ELN-MASN", "E-Learning Manajemen ASN dan Kebijakan Kepegawaian Terbaru", "NKL03", "LAN-PUSLATBANG-KMP",
                ["T.MASN"],
                jp: 6, cost: 0, cap: 500,
                "Kelas daring mandiri tentang UU ASN 2023, jabatan fungsional, dan penilaian kinerja.",
                role: .general, online: lan),
        ]
    }()

    static let coaching: [Row] = [
        Row(
            "COACH-KINERJA", "Coaching Kinerja bagi Pejabat Pengawas", "NKL01", "BPSDMD-NTT", ["M.6", "M.4"],
            jp: 16, cost: 1_500_000, cap: 20,
            "Sesi coaching terjadwal selama dua bulan untuk meningkatkan kinerja tim dan pengembangan bawahan.",
            audience: .kinds([.pengawas, .administrator]), online: .sometimes(0.5)),
        Row(
            "COACH-YANLIK", "Klinik Coaching Pelayanan Publik", "NKL01", "LAN-PUSLATBANG-KMP", ["M.5"],
            jp: 12, cost: 1_000_000, cap: 20,
            "Coaching bagi koordinator layanan untuk memperbaiki alur layanan dan menindaklanjuti hasil SKM.",
            online: .sometimes(0.5)),
        Row(
            "MENTOR-PROPER", "Mentoring Penyusunan Aksi Perubahan", "NKL02", "LAN-PUSLATBANG-KMP", ["M.7", "M.8"],
            jp: 20, cost: 2_000_000, cap: 20,
            "Pendampingan oleh mentor dalam merancang dan melaksanakan aksi perubahan di unit kerja.",
            audience: .pns, online: .sometimes(0.5)),
        Row(
            "MENTOR-BERAKHLAK", "Mentoring Aktualisasi Nilai BerAKHLAK bagi ASN Baru", "NKL02", "BPSDMD-NTT",
            ["M.1", "SK.1"],
            jp: 12, cost: 750_000, cap: 25,
            "Pendampingan mentor bagi ASN dengan masa kerja di bawah tiga tahun untuk mengaktualisasikan nilai BerAKHLAK.",
            online: .sometimes(0.3)),
    ]

    /// Seminars, workshops, courses and sosialisasi.
    static let events: [Row] = [
        Row(
            "SEM-RB", "Seminar Nasional Reformasi Birokrasi dan Pelayanan Publik di Wilayah Kepulauan", "KL06",
            "UNDANA",
            ["M.5", "M.7"], jp: 8, cost: 750_000, cap: 300,
            "Seminar nasional tentang praktik baik reformasi birokrasi dan pelayanan publik di daerah kepulauan.",
            role: .general, online: .sometimes(0.3)),
        Row(
            "SEM-ANTIKORUPSI", "Seminar Integritas dan Pencegahan Korupsi (Hari Antikorupsi Sedunia)", "KL06",
            "BPSDM-KEMENDAGRI", ["M.1"], jp: 6, cost: 0, cap: 250,
            "Seminar tentang pencegahan korupsi di pemerintah daerah, Monitoring Center for Prevention, dan pengendalian gratifikasi.",
            role: .general, online: .sometimes(0.3)),
        Row(
            "SAR-BUDAYA", "Sarasehan Budaya dan Kebinekaan Nusa Tenggara Timur", "KL06", "UNWIRA", ["SK.1"],
            jp: 6, cost: 250_000, cap: 200,
            "Sarasehan tentang kearifan lokal, toleransi, dan peran ASN dalam merawat kerukunan di NTT.",
            role: .general, online: .sometimes(0.2)),
        Row(
            "KONF-DIGITAL", "Konferensi Transformasi Digital Pemerintahan Daerah", "KL06", "PNK", ["T.TIK", "M.7"],
            jp: 8, cost: 1_000_000, cap: 200,
            "Konferensi tentang SPBE, layanan digital terpadu, dan keamanan data di pemerintah daerah.",
            role: .general, online: .sometimes(0.3)),
        Row(
            "SEM-IKLIM", "Seminar Pembangunan Berkelanjutan dan Ketahanan Iklim di NTT", "KL06", "UNDANA",
            ["T.LH", "T.RENBANG"], jp: 8, cost: 500_000, cap: 150,
            "Seminar tentang adaptasi perubahan iklim, kekeringan, dan pembangunan rendah karbon di daerah lahan kering.",
            role: .general, online: .sometimes(0.3)),
        Row(
            "WS-SAKIP", "Workshop Penyusunan SAKIP dan Perjanjian Kinerja", "KL07", "BPSDM-KEMENDAGRI",
            ["T.RENBANG", "M.4"], jp: 16, cost: 2_500_000, cap: 40,
            "Menyusun pohon kinerja, indikator kinerja utama, perjanjian kinerja, dan laporan kinerja instansi."),
        Row(
            "WS-ANJAB", "Workshop Penyusunan Analisis Jabatan dan Analisis Beban Kerja", "KL07", "BPSDMD-NTT",
            ["T.MASN"], jp: 16, cost: 2_000_000, cap: 40,
            "Menyusun informasi jabatan, peta jabatan, dan perhitungan kebutuhan pegawai berdasarkan beban kerja."),
        Row(
            "KRS-INGGRIS", "Kursus Bahasa Inggris untuk Pelayanan Publik dan Pariwisata", "KL08", "LPK-SASANDO",
            ["M.3"], jp: 40, cost: 3_000_000, cap: 20,
            "Percakapan bahasa Inggris untuk melayani wisatawan, tamu daerah, dan mitra asing.",
            online: .sometimes(0)),
        Row(
            "KRS-EXCEL", "Kursus Microsoft Excel untuk Analisis Data Perkantoran", "KL08", "LPK-SASANDO",
            ["T.TIK", "M.8"], jp: 24, cost: 1_750_000, cap: 25,
            "Rumus, tabel pivot, dan grafik untuk mengolah data kegiatan dan anggaran di laboratorium komputer.",
            online: .sometimes(0)),
        Row(
            "PNT-BELANEGARA", "Penataran Wawasan Kebangsaan dan Bela Negara", "KL09", "BPSDM-KEMENDAGRI",
            ["SK.1"], jp: 16, cost: 1_500_000, cap: 60,
            "Penataran tentang empat konsensus dasar bangsa, bela negara, dan kewaspadaan nasional.",
            online: .sometimes(0)),
        Row(
            "SOS-UUASN", "Sosialisasi Undang-Undang ASN dan Kebijakan Manajemen ASN", "KL11", "BPSDMD-NTT",
            ["T.MASN"], jp: 4, cost: 0, cap: 300,
            "Sosialisasi UU 20/2023 tentang ASN, penataan tenaga non-ASN, dan manajemen kinerja terbaru.",
            role: .general, online: .sometimes(0.4)),
        Row(
            "SOS-PERDA", "Sosialisasi Peraturan Daerah tentang Ketertiban Umum dan Ketenteraman Masyarakat", "KL11",
            "BPSDMD-NTT", ["T.TRANTIB", "T.HUKUM"], jp: 4, cost: 0, cap: 200,
            "Sosialisasi perda ketertiban umum dan tata cara penegakannya bagi perangkat daerah dan kelurahan.",
            role: .general, online: .sometimes(0.2)),
    ]

    /// Tugas belajar: long, expensive, two levels.
    static let education: [Row] = [
        Row(
            "TB-MAP", "Tugas Belajar Magister Administrasi Publik (S2)", nil, "UNDANA", ["M.5", "M.7"],
            jp: 200, cost: 25_000_000, cap: 20,
            "Tugas belajar program magister administrasi publik selama empat semester, dibiayai APBD.",
            audience: .pns, role: .education, gain: 2, online: .sometimes(0),
            venue: "Program Pascasarjana Undana, Penfui"),
        Row(
            "TB-MM", "Tugas Belajar Magister Manajemen (S2)", nil, "UNWIRA", ["M.4", "M.8"],
            jp: 200, cost: 22_000_000, cap: 20,
            "Tugas belajar program magister manajemen sektor publik selama empat semester, dibiayai APBD.",
            audience: .pns, role: .education, gain: 2, online: .sometimes(0),
            venue: "Program Pascasarjana Unwira, Penfui"),
        Row(
            "TB-AKUNTANSI", "Tugas Belajar Sarjana Terapan Akuntansi Sektor Publik (D-IV)", nil, "PNK", ["T.KEU"],
            jp: 200, cost: 15_000_000, cap: 20,
            "Tugas belajar program sarjana terapan akuntansi sektor publik bagi pengelola keuangan, dibiayai APBD.",
            audience: .pns, role: .education, gain: 2, online: .sometimes(0),
            venue: "Kampus Politeknik Negeri Kupang, Penfui"),
        Row(
            "TB-MKM", "Tugas Belajar Magister Kesehatan Masyarakat (S2)", nil, "UNDANA", ["T.KESMAS"],
            jp: 200, cost: 25_000_000, cap: 20,
            "Tugas belajar program magister kesehatan masyarakat bagi tenaga kesehatan, dibiayai APBD.",
            audience: .pns, role: .education, gain: 2, online: .sometimes(0),
            venue: "Fakultas Kesehatan Masyarakat Undana, Penfui"),
    ]
}
