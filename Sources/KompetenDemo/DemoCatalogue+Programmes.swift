import KompetenCore

/// The demo programme rows, by kind: leadership, managerial, public service, technical, functional,
/// e-learning, coaching, events and formal education.
extension DemoCatalogue {
    struct Row {
        let suffix: String, title: String, path: String?, provider: String, raises: [String]
        let jp: Int, cost: Int, cap: Int, description: String
        let audience: Audience, role: Role, gain: Int, online: Online, venue: String?

        init(
            _ suffix: String, _ title: String, _ path: String?, _ provider: String, _ raises: [String],
            jp: Int, cost: Int, cap: Int, _ description: String, audience: Audience = .all, role: Role = .regular,
            gain: Int = 1, online: Online = .sometimes(0.15), venue: String? = nil
        ) {
            self.suffix = suffix
            self.title = title
            self.path = path
            self.provider = provider
            self.raises = raises
            self.jp = jp
            self.cost = cost
            self.cap = cap
            self.description = description
            self.audience = audience
            self.role = role
            self.gain = gain
            self.online = online
            self.venue = venue
        }
    }

    static let leadership: [Row] = [
        Row(
            "PKN2", "Pelatihan Kepemimpinan Nasional Tingkat II", "KL01", "LAN-PUSLATBANG-KMP",
            ["M.1", "M.4", "M.7", "M.8"], jp: 200, cost: 25_000_000, cap: 30,
            "Pelatihan kepemimpinan bagi pejabat pimpinan tinggi pratama: visi strategis, proyek perubahan, dan kepemimpinan kolaboratif.",
            audience: .kinds([.jpt]), role: .leadership, online: .sometimes(0),
            venue: "Kampus Puslatbang KMP LAN, Makassar"),
        Row(
            "PKA", "Pelatihan Kepemimpinan Administrator", "KL01", "BPSDMD-NTT",
            ["M.2", "M.4", "M.6", "M.7", "M.8"], jp: 180, cost: 22_500_000, cap: 30,
            "Pelatihan kepemimpinan bagi pejabat administrator: kepemimpinan kinerja, inovasi, dan aksi perubahan di unit kerja.",
            audience: .kinds([.administrator]), role: .leadership, online: .sometimes(0)),
        Row(
            "PKP", "Pelatihan Kepemimpinan Pengawas", "KL01", "BPSDMD-NTT",
            ["M.2", "M.3", "M.4", "M.6", "M.8"], jp: 160, cost: 15_000_000, cap: 40,
            "Pelatihan kepemimpinan bagi pejabat pengawas: kepemimpinan operasional, pengendalian pelaksanaan kegiatan, dan aksi perubahan.",
            audience: .kinds([.pengawas]), role: .leadership, online: .sometimes(0)),
    ]

    static let managerial: [Row] = [
        Row(
            "MNJ-M1", "Pelatihan Integritas dan Antikorupsi bagi ASN", "KL02", "BPSDMD-NTT", ["M.1"],
            jp: 24, cost: 3_500_000, cap: 40,
            "Membangun integritas, mengenali konflik kepentingan dan gratifikasi, serta menerapkan nilai BerAKHLAK dalam tugas sehari-hari."
        ),
        Row(
            "MNJ-M2", "Pelatihan Membangun Kerja Sama Tim yang Efektif", "KL02", "LPK-FLOBAMORA", ["M.2"],
            jp: 24, cost: 2_750_000, cap: 30,
            "Dinamika kelompok, pembagian peran, dan kolaborasi lintas unit untuk menyelesaikan pekerjaan bersama."),
        Row(
            "MNJ-M3", "Pelatihan Komunikasi Efektif dan Public Speaking", "KL02", "LPK-SASANDO", ["M.3"],
            jp: 24, cost: 2_500_000, cap: 30,
            "Komunikasi lisan dan tertulis, presentasi di depan publik, serta menyampaikan informasi kebijakan kepada masyarakat."
        ),
        Row(
            "MNJ-M4", "Pelatihan Manajemen Kinerja Berorientasi Hasil", "KL02", "BPSDMD-NTT", ["M.4"],
            jp: 32, cost: 4_000_000, cap: 40,
            "Menyusun sasaran kinerja pegawai (SKP), indikator kinerja, dan pemantauan capaian berbasis hasil."),
        Row(
            "MNJ-M5", "Pelatihan Pelayanan Publik Prima", "KL02", "BPSDMD-NTT", ["M.5", "M.3"],
            jp: 32, cost: 3_750_000, cap: 40,
            "Standar pelayanan, budaya melayani, penanganan keluhan, dan pelayanan yang ramah bagi kelompok rentan."),
        Row(
            "MNJ-M6", "Pelatihan Coaching dan Mentoring bagi Atasan Langsung", "KL02", "LAN-PUSLATBANG-KMP", ["M.6"],
            jp: 24, cost: 4_500_000, cap: 30,
            "Keterampilan coaching kinerja, umpan balik, dan pengembangan bawahan sesuai kebijakan manajemen talenta."),
        Row(
            "MNJ-M7", "Pelatihan Manajemen Perubahan dan Inovasi Sektor Publik", "KL02", "BPSDM-KEMENDAGRI", ["M.7"],
            jp: 32, cost: 5_000_000, cap: 35,
            "Mengelola perubahan organisasi, mengatasi resistensi, dan merancang inovasi daerah yang berkelanjutan."),
        Row(
            "MNJ-M8", "Pelatihan Analisis Masalah dan Pengambilan Keputusan", "KL02", "LAN-PUSLATBANG-KMP", ["M.8"],
            jp: 24, cost: 4_500_000, cap: 30,
            "Analisis akar masalah, penilaian alternatif, dan pengambilan keputusan berbasis data dan risiko."),
        Row(
            "SK-KEBANGSAAN", "Pelatihan Wawasan Kebangsaan dan Perekat Bangsa dalam Masyarakat Majemuk", "KL05",
            "BPSDM-KEMENDAGRI", ["SK.1"], jp: 24, cost: 3_000_000, cap: 40,
            "Wawasan kebangsaan, moderasi, dan peran ASN sebagai perekat persatuan di tengah keberagaman NTT."),
        Row(
            "SK-LINTASBUDAYA", "Pelatihan Komunikasi Lintas Budaya bagi Pelayan Publik", "KL05", "UNWIRA",
            ["SK.1", "M.3"],
            jp: 16, cost: 2_000_000, cap: 35,
            "Memahami adat dan bahasa daerah Timor, Rote, Sabu, Flores, dan Sumba untuk pelayanan yang peka budaya."),
    ]

    /// Programmes for public service (M.5), the competency of the improving OPDs' wave.
    static let publicService: [Row] = [
        Row(
            "BTK-SPSKM", "Bimbingan Teknis Penyusunan Standar Pelayanan dan Survei Kepuasan Masyarakat", "KL10",
            "BPSDMD-NTT", ["M.5"], jp: 24, cost: 3_000_000, cap: 50,
            "Menyusun dan menetapkan standar pelayanan, maklumat pelayanan, serta melaksanakan dan menindaklanjuti SKM."
        ),
        Row(
            "TEK-PENGADUAN", "Pelatihan Pengelolaan Pengaduan Pelayanan Publik (SP4N-LAPOR!)", "KL03",
            "BPSDM-KEMENDAGRI", ["M.5", "M.3"], jp: 24, cost: 2_750_000, cap: 40,
            "Mengelola pengaduan masyarakat melalui SP4N-LAPOR!, dari verifikasi hingga tindak lanjut dan pelaporan."),
        Row(
            "KRS-PRIMA", "Kursus Pelayanan Prima dan Etika Melayani", "KL08", "LPK-FLOBAMORA", ["M.5"],
            jp: 16, cost: 1_500_000, cap: 30,
            "Sikap, etika, dan teknik melayani di loket dan melalui telepon atau media sosial."),
        Row(
            "WS-SINOVIK", "Workshop Inovasi Pelayanan Publik (Sinovik)", "KL07", "LAN-PUSLATBANG-KMP", ["M.5", "M.7"],
            jp: 16, cost: 2_500_000, cap: 40,
            "Merancang inovasi pelayanan dan menyiapkan proposal Kompetisi Inovasi Pelayanan Publik."),
        Row(
            "PB-MPP", "Patok Banding Mal Pelayanan Publik Kota Denpasar", "NKL07", "BPSDMD-NTT", ["M.5", "T.IZIN"],
            jp: 24, cost: 8_500_000, cap: 20,
            "Kunjungan belajar ke Mal Pelayanan Publik Kota Denpasar: tata layanan terpadu, antrean, dan integrasi perizinan.",
            audience: .pns, online: .sometimes(0), venue: "Mal Pelayanan Publik Kota Denpasar, Bali"),
    ]

    /// At least one teknis programme (KL03 pelatihan teknis or KL10 bimbingan teknis) per
    /// technical competency of the city's dictionary; more where many positions need it.
    static let technical: [String: [Row]] = [
        "T.PEMUM": [
            Row(
                "BTK-PEMUM", "Bimbingan Teknis Penyelenggaraan Pemerintahan Kelurahan", "KL10", "BPSDM-KEMENDAGRI",
                ["T.PEMUM"], jp: 24, cost: 3_000_000, cap: 50,
                "Administrasi pemerintahan kelurahan, pengelolaan data wilayah, dan fasilitasi lembaga kemasyarakatan."),
            Row(
                "TEK-PEMUM", "Pelatihan Teknis Pemerintahan Kecamatan dan Pelimpahan Kewenangan Camat", "KL03",
                "BPSDM-KEMENDAGRI", ["T.PEMUM", "M.8"], jp: 40, cost: 5_500_000, cap: 30,
                "Koordinasi pemerintahan di kecamatan, pelaksanaan kewenangan yang dilimpahkan, dan evaluasi kinerja kelurahan."
            ),
        ],
        "T.ADMDUK": [
            Row(
                "TEK-ADMDUK", "Pelatihan Teknis Pelayanan Administrasi Kependudukan dan Pencatatan Sipil", "KL03",
                "BPSDM-KEMENDAGRI", ["T.ADMDUK", "M.5"], jp: 40, cost: 5_000_000, cap: 30,
                "Pendaftaran penduduk, pencatatan sipil, dan pelayanan dokumen kependudukan sesuai standar Ditjen Dukcapil."
            ),
            Row(
                "BTK-IKD", "Bimbingan Teknis Aktivasi dan Pemanfaatan Identitas Kependudukan Digital (IKD)", "KL10",
                "BPSDM-KEMENDAGRI", ["T.ADMDUK", "T.TIK"], jp: 16, cost: 2_000_000, cap: 50,
                "Aktivasi IKD, verifikasi biometrik, dan pemanfaatan data kependudukan oleh perangkat daerah."),
            Row(
                "BTK-SIAK", "Bimbingan di Tempat Kerja Aplikasi SIAK Terpusat", "NKL11", "BPSDM-KEMENDAGRI",
                ["T.ADMDUK"], jp: 16, cost: 750_000, cap: 25,
                "Pendampingan operator di tempat kerja untuk pemutakhiran data dan penerbitan dokumen melalui SIAK Terpusat.",
                online: .sometimes(0)),
        ],
        "T.TIK": [
            Row(
                "TEK-KAMINFO", "Pelatihan Teknis Keamanan Informasi dan Pengelolaan Jaringan", "KL03", "PNK",
                ["T.TIK"], jp: 40, cost: 6_000_000, cap: 25,
                "Keamanan jaringan, manajemen insiden siber, dan pengelolaan pusat data pemerintah daerah."),
            Row(
                "BTK-SPBE", "Bimbingan Teknis Arsitektur SPBE dan Satu Data Indonesia", "KL10", "PNK",
                ["T.TIK", "T.RENBANG"], jp: 24, cost: 3_500_000, cap: 40,
                "Menyusun arsitektur SPBE daerah, tata kelola data, dan interoperabilitas layanan digital."),
        ],
        "T.YANKES": [
            Row(
                "TEK-BTCLS", "Pelatihan Basic Trauma and Cardiac Life Support (BTCLS)", "KL03", "UNDANA",
                ["T.YANKES"], jp: 40, cost: 4_500_000, cap: 30,
                "Penanganan kegawatdaruratan trauma dan jantung bagi tenaga kesehatan, dengan sertifikasi kompetensi.",
                online: .sometimes(0)),
            Row(
                "BTK-PASIEN", "Bimbingan Teknis Keselamatan Pasien dan Persiapan Akreditasi Rumah Sakit", "KL10",
                "UNDANA", ["T.YANKES", "M.5"], jp: 24, cost: 3_000_000, cap: 50,
                "Sasaran keselamatan pasien, manajemen risiko klinis, dan dokumen standar akreditasi rumah sakit."),
        ],
        "T.KESMAS": [
            Row(
                "TEK-SURVEILANS", "Pelatihan Teknis Surveilans Epidemiologi dan Pengendalian Penyakit Menular", "KL03",
                "UNDANA", ["T.KESMAS"], jp: 40, cost: 4_000_000, cap: 30,
                "Surveilans berbasis puskesmas, penyelidikan epidemiologi, dan respons KLB malaria dan DBD."),
            Row(
                "BTK-STUNTING", "Bimbingan Teknis Percepatan Penurunan Stunting Terintegrasi", "KL10", "BPSDMD-NTT",
                ["T.KESMAS", "T.SOSIAL"], jp: 24, cost: 2_500_000, cap: 50,
                "Konvergensi intervensi spesifik dan sensitif, audit kasus stunting, dan peran tim percepatan di kelurahan."
            ),
        ],
        "T.KEU": [
            Row(
                "TEK-KEUDA", "Pelatihan Teknis Penatausahaan Keuangan Daerah melalui SIPD", "KL03", "BPSDM-KEMENDAGRI",
                ["T.KEU"], jp: 40, cost: 5_000_000, cap: 35,
                "Penganggaran, penatausahaan, dan pertanggungjawaban keuangan daerah dengan SIPD RI."),
            Row(
                "BTK-LKAKRUAL", "Bimbingan Teknis Penyusunan Laporan Keuangan Berbasis Akrual", "KL10", "BPSDMD-NTT",
                ["T.KEU"], jp: 24, cost: 3_000_000, cap: 50,
                "Jurnal akrual, rekonsiliasi, dan penyusunan laporan keuangan perangkat daerah."),
        ],
        "T.PBJ": [
            Row(
                "TEK-PBJ", "Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", "KL03", "LPK-FLOBAMORA",
                ["T.PBJ"], jp: 40, cost: 4_500_000, cap: 40,
                "Persiapan uji kompetensi pengadaan: perencanaan, pemilihan penyedia, kontrak, dan e-katalog."),
            Row(
                "BTK-BMD", "Bimbingan Teknis Pengelolaan Barang Milik Daerah", "KL10", "BPSDMD-NTT",
                ["T.PBJ", "T.KEU"], jp: 24, cost: 2_750_000, cap: 50,
                "Penatausahaan, inventarisasi, dan pemanfaatan barang milik daerah sesuai Permendagri 19/2016."),
        ],
        "T.WASDA": [
            Row(
                "TEK-AUDIT", "Pelatihan Teknis Audit Berbasis Risiko bagi APIP", "KL03", "BPSDMD-NTT",
                ["T.WASDA"], jp: 40, cost: 5_500_000, cap: 30,
                "Perencanaan audit berbasis risiko, kertas kerja, dan pelaporan hasil pengawasan intern.")
        ],
        "T.EKON": [
            Row(
                "BTK-UMKM", "Bimbingan Teknis Pendampingan Koperasi dan UMKM", "KL10", "UNDANA",
                ["T.EKON"], jp: 24, cost: 2_500_000, cap: 40,
                "Pendampingan usaha, akses pembiayaan, dan pemasaran digital bagi koperasi dan UMKM Kota Kupang.")
        ],
        "T.RENBANG": [
            Row(
                "TEK-RENBANG", "Pelatihan Teknis Perencanaan Pembangunan Daerah dan Penyusunan RKPD", "KL03",
                "BPSDM-KEMENDAGRI", ["T.RENBANG"], jp: 40, cost: 5_000_000, cap: 35,
                "Perencanaan berbasis data, penyusunan RKPD dan Renja, serta pengendalian dan evaluasi pembangunan.")
        ],
        "T.MASN": [
            Row(
                "BTK-TALENTA", "Bimbingan Teknis Manajemen Talenta dan Sistem Merit", "KL10", "BPSDMD-NTT",
                ["T.MASN"], jp: 24, cost: 2_750_000, cap: 40,
                "Pemetaan talenta, rencana suksesi, dan penilaian mandiri sistem merit instansi.")
        ],
        "T.IZIN": [
            Row(
                "TEK-OSS", "Pelatihan Teknis Perizinan Berusaha Berbasis Risiko (OSS RBA)", "KL03", "BPSDMD-NTT",
                ["T.IZIN"], jp: 32, cost: 4_000_000, cap: 35,
                "Proses perizinan berusaha berbasis risiko, verifikasi persyaratan, dan pengawasan melalui OSS RBA."),
            Row(
                "BTK-MPP", "Bimbingan Teknis Pengelolaan Layanan Terpadu Satu Pintu", "KL10", "BPSDMD-NTT",
                ["T.IZIN", "M.5"], jp: 16, cost: 2_000_000, cap: 40,
                "Tata kelola front office dan back office, SOP layanan terpadu, dan integrasi layanan di Mal Pelayanan Publik."
            ),
        ],
        "T.ARSIP": [
            Row(
                "BTK-ARSIP", "Bimbingan Teknis Tata Naskah Dinas dan Pengelolaan Arsip Dinamis", "KL10", "BPSDMD-NTT",
                ["T.ARSIP"], jp: 24, cost: 2_500_000, cap: 50,
                "Tata naskah dinas, klasifikasi arsip, jadwal retensi, dan pengelolaan arsip elektronik melalui SRIKANDI."
            )
        ],
        "T.SOSIAL": [
            Row(
                "BTK-DTKS", "Bimbingan Teknis Pemutakhiran DTKS dan Penyaluran Bantuan Sosial", "KL10",
                "BPSDM-KEMENDAGRI", ["T.SOSIAL"], jp: 24, cost: 2_500_000, cap: 50,
                "Verifikasi dan validasi data kesejahteraan sosial serta penyaluran bantuan sosial yang tepat sasaran.")
        ],
        "T.DIK": [
            Row(
                "TEK-PEMBELAJARAN", "Pelatihan Teknis Pembelajaran Berdiferensiasi dan Kurikulum Merdeka", "KL03",
                "UNWIRA",
                ["T.DIK"], jp: 40, cost: 3_500_000, cap: 40,
                "Asesmen diagnostik, pembelajaran berdiferensiasi, dan projek penguatan profil pelajar Pancasila."),
            Row(
                "BTK-BOS", "Bimbingan Teknis Pengelolaan Dana BOS dan Pemanfaatan Rapor Pendidikan", "KL10", "UNWIRA",
                ["T.DIK", "T.KEU"], jp: 24, cost: 2_000_000, cap: 50,
                "Perencanaan berbasis data Rapor Pendidikan dan penatausahaan dana BOS di satuan pendidikan."),
        ],
        "T.PUPR": [
            Row(
                "TEK-KONSTRUKSI", "Pelatihan Teknis Pengawasan Konstruksi Jalan dan Jembatan", "KL03", "PNK",
                ["T.PUPR"], jp: 40, cost: 5_500_000, cap: 30,
                "Pengendalian mutu, pengukuran, dan pengawasan pekerjaan jalan dan jembatan di wilayah perkotaan.",
                online: .sometimes(0))
        ],
        "T.LH": [
            Row(
                "BTK-SAMPAH", "Bimbingan Teknis Pengelolaan Sampah Berbasis 3R dan Bank Sampah", "KL10", "UNDANA",
                ["T.LH"], jp: 24, cost: 2_500_000, cap: 40,
                "Pengurangan dan penanganan sampah, TPS3R, bank sampah, dan pengawasan TPA Alak.")
        ],
        "T.HUB": [
            Row(
                "TEK-LALIN", "Pelatihan Teknis Manajemen dan Rekayasa Lalu Lintas", "KL03", "PNK",
                ["T.HUB"], jp: 40, cost: 5_000_000, cap: 30,
                "Analisis dampak lalu lintas, manajemen simpang, dan penataan angkutan kota.")
        ],
        "T.TRANTIB": [
            Row(
                "TEK-TRANTIB", "Pelatihan Teknis Penegakan Perda dan Ketertiban Umum bagi Satpol PP", "KL03",
                "BPSDM-KEMENDAGRI", ["T.TRANTIB", "T.HUKUM"], jp: 40, cost: 4_500_000, cap: 35,
                "Penegakan peraturan daerah, operasi ketertiban umum yang humanis, dan perlindungan masyarakat.",
                online: .sometimes(0))
        ],
        "T.HUKUM": [
            Row(
                "BTK-PRODUKHUKUM", "Bimbingan Teknis Penyusunan Produk Hukum Daerah", "KL10", "UNDANA",
                ["T.HUKUM"], jp: 24, cost: 3_000_000, cap: 40,
                "Teknik penyusunan peraturan daerah dan peraturan kepala daerah, harmonisasi, dan naskah akademik.")
        ],
        "T.TANI": [
            Row(
                "BTK-LAHANKERING", "Bimbingan Teknis Budidaya Lahan Kering dan Ketahanan Pangan", "KL10", "PNK",
                ["T.TANI"], jp: 24, cost: 2_500_000, cap: 40,
                "Budidaya hortikultura lahan kering, irigasi tetes, dan pemantauan ketersediaan pangan.",
                online: .sometimes(0))
        ],
    ]

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
