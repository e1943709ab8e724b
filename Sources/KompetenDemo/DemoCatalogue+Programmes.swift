import KompetenCore

/// The demo programme rows of the structural kinds: leadership, managerial, public service and
/// technical (per field). Functional, e-learning, coaching, events and formal education are in
/// DemoCatalogue+OtherForms.swift; the row type in DemoCatalogue+Row.swift.
extension DemoCatalogue {
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
}
