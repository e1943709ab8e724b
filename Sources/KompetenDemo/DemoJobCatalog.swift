import KompetenCore

/// Staff positions (jabatan pelaksana and fungsional) for demo units, keyed by the code of the unit's
/// main technical competency. Names follow the national nomenclature of functional positions
/// (`… Ahli Pertama`, `… Terampil`); pelaksana names follow common regional usage.
struct DemoJob: Sendable {
    let name: String
    /// Relative share of the unit's staff in this position, and the chance of it being chosen.
    let weight: Double
    /// Fragments of the unit's own name or of its ancestors' names (a leading `^`: the name starts
    /// with it); the job only exists in units that match one. Empty: any unit.
    let only: [String]
    /// Completes "… pada {unit}" in the job summary (ikhtisar jabatan).
    let purpose: String
    /// The main duties specific to the job.
    let duties: [String]

    init(_ name: String, _ weight: Double, _ only: [String], _ purpose: String, _ duties: [String]) {
        (self.name, self.weight, self.only, self.purpose, self.duties) = (name, weight, only, purpose, duties)
    }

    /// Functional positions carry their level (jenjang) in the name.
    var kind: PositionKind {
        name.contains(" Ahli ") || name.hasSuffix(" Terampil") ? .fungsional : .pelaksana
    }

    /// The level (jenjang): 3 `Ahli Muda`, 2 `Ahli Pertama`, 1 `Terampil`, 0 pelaksana.
    var grade: Int {
        name.hasSuffix("Ahli Muda") ? 3 : name.hasSuffix("Ahli Pertama") ? 2 : kind == .fungsional ? 1 : 0
    }
}

enum DemoJobCatalog {
    /// Available in every unit.
    static let common: [DemoJob] = [
        DemoJob(
            "Pengadministrasi Umum", 3, [], "melaksanakan administrasi umum, persuratan, dan kearsipan",
            [
                "Menerima, mencatat, dan mendistribusikan surat masuk dan keluar",
                "Menyiapkan kelengkapan administrasi kegiatan", "Menata arsip sesuai klasifikasi",
            ]),
        DemoJob(
            "Pengolah Data", 2, [], "mengumpulkan dan mengolah data kegiatan unit",
            [
                "Menghimpun dan memverifikasi data kegiatan", "Mengolah data menjadi tabel, grafik, dan bahan laporan",
                "Memutakhirkan basis data unit",
            ]),
    ]

    /// Available in offices (not in kelurahan or UPT).
    static let offices: [DemoJob] = [
        DemoJob(
            "Analis Kebijakan Ahli Pertama", 1, [], "menyiapkan analisis dan rekomendasi kebijakan",
            [
                "Mengumpulkan dan menganalisis data isu kebijakan", "Menyusun telaahan dan rekomendasi kebijakan",
                "Memantau pelaksanaan kebijakan",
            ]),
        DemoJob(
            "Analis Kebijakan Ahli Muda", 0.5, [], "menganalisis dan merumuskan rekomendasi kebijakan strategis",
            [
                "Merumuskan alternatif kebijakan beserta dampaknya", "Menyusun naskah rekomendasi kebijakan",
                "Mengevaluasi efektivitas kebijakan",
            ]),
    ]

    static func jobs(forCompetency code: String) -> [DemoJob] {
        switch code {
        case "T.PEMUM": pemum
        case "T.ADMDUK": admduk
        case "T.TIK": tik
        case "T.YANKES": yankes
        case "T.KESMAS": kesmas
        case "T.KEU": keu
        case "T.PBJ": pbj
        case "T.WASDA": wasda
        case "T.EKON": ekon
        case "T.RENBANG": renbang
        case "T.MASN": masn
        default: technical(code)
        }
    }

    static let pemum: [DemoJob] = [
        DemoJob(
            "Pengadministrasi Pemerintahan", 2, ["^Kelurahan", "^Kecamatan", "Pemerintahan"],
            "melaksanakan administrasi pemerintahan dan pelayanan kewilayahan",
            [
                "Menyiapkan surat keterangan dan pengantar bagi warga",
                "Memutakhirkan data RT/RW dan kependudukan wilayah", "Mencatat kegiatan lembaga kemasyarakatan",
            ]),
        DemoJob(
            "Pengelola Pemberdayaan Masyarakat", 1.5, ["^Kelurahan", "^Kecamatan"],
            "memfasilitasi pemberdayaan masyarakat dan lembaga kemasyarakatan",
            [
                "Memfasilitasi musyawarah perencanaan pembangunan kelurahan",
                "Mendampingi kegiatan posyandu, PKK, dan karang taruna", "Menyusun laporan kegiatan pemberdayaan",
            ]),
    ]
    static let admduk: [DemoJob] = [
        DemoJob(
            "Administrator Database Kependudukan Ahli Pertama", 2, [], "mengelola basis data kependudukan",
            [
                "Memelihara dan mengamankan basis data SIAK", "Melakukan konsolidasi dan pembersihan data kependudukan",
                "Melayani pemanfaatan data oleh lembaga pengguna",
            ]),
        DemoJob(
            "Pengadministrasi Kependudukan", 4, [], "melayani pendaftaran penduduk dan pencatatan sipil",
            [
                "Menerima dan memverifikasi berkas permohonan dokumen kependudukan",
                "Merekam data dan biometrik penduduk", "Mencetak dan menyerahkan dokumen kependudukan",
            ]),
    ]
    static let tik: [DemoJob] = [
        DemoJob(
            "Pranata Komputer Ahli Pertama", 3, [], "mengelola perangkat, jaringan, dan aplikasi",
            [
                "Memelihara perangkat keras dan jaringan", "Mengembangkan dan memelihara aplikasi",
                "Menangani gangguan layanan TIK",
            ]),
        DemoJob(
            "Pranata Komputer Ahli Muda", 1, [], "merancang dan mengembangkan sistem informasi",
            [
                "Menganalisis kebutuhan sistem informasi", "Merancang basis data dan arsitektur aplikasi",
                "Menyusun standar keamanan aplikasi",
            ]),
        DemoJob(
            "Pranata Hubungan Masyarakat Ahli Pertama", 2, ["Komunikasi", "Protokol", "Dokumentasi"],
            "mengelola informasi dan komunikasi publik",
            [
                "Menyusun siaran pers dan konten media sosial", "Mendokumentasikan kegiatan pimpinan",
                "Memantau isu publik di media",
            ]),
        DemoJob(
            "Statistisi Ahli Pertama", 1.5, ["Statistik", "Data"],
            "mengumpulkan dan menganalisis data statistik sektoral",
            [
                "Menyusun rancangan kegiatan statistik sektoral", "Mengolah dan menganalisis data statistik",
                "Menyajikan data dalam portal satu data",
            ]),
        DemoJob(
            "Sandiman Ahli Pertama", 1.5, ["Persandian"], "menyelenggarakan persandian dan keamanan informasi",
            [
                "Mengelola sertifikat elektronik", "Mengamankan informasi berklasifikasi",
                "Memantau insiden keamanan siber",
            ]),
    ]
    static let yankes: [DemoJob] = [
        DemoJob(
            "Perawat Ahli Pertama", 5, ["Puskesmas", "Rumah Sakit", "Keperawatan", "Pelayanan Medik"],
            "memberikan asuhan keperawatan kepada pasien",
            [
                "Melakukan pengkajian dan menetapkan diagnosis keperawatan",
                "Melaksanakan tindakan keperawatan sesuai standar", "Mendokumentasikan asuhan keperawatan",
            ]),
        DemoJob(
            "Perawat Terampil", 4, ["Puskesmas", "Rumah Sakit", "Keperawatan", "Pelayanan Medik"],
            "melaksanakan tindakan keperawatan",
            [
                "Melaksanakan tindakan keperawatan dasar", "Memantau kondisi pasien dan melaporkan perubahannya",
                "Menyiapkan alat dan bahan keperawatan",
            ]),
        DemoJob(
            "Bidan Terampil", 3, ["Puskesmas", "Pelayanan Medik", "Keperawatan"], "memberikan pelayanan kebidanan",
            [
                "Melaksanakan pemeriksaan kehamilan dan pertolongan persalinan",
                "Memberikan pelayanan keluarga berencana", "Melaksanakan kunjungan nifas dan neonatal",
            ]),
        DemoJob(
            "Dokter Ahli Pertama", 2, ["Puskesmas", "Pelayanan Medik"], "memberikan pelayanan medis kepada pasien",
            [
                "Melakukan pemeriksaan, diagnosis, dan terapi", "Melakukan tindakan medis dan rujukan",
                "Mengisi rekam medis",
            ]),
        DemoJob(
            "Apoteker Ahli Pertama", 1.5, ["Farmasi", "Puskesmas", "Penunjang Medik"],
            "mengelola sediaan farmasi dan pelayanan kefarmasian",
            [
                "Merencanakan dan mengelola sediaan farmasi", "Melaksanakan pelayanan resep dan konseling obat",
                "Memantau penggunaan obat",
            ]),
        DemoJob(
            "Pranata Laboratorium Kesehatan Terampil", 1.5, ["Laboratorium", "Penunjang Medik", "Puskesmas"],
            "melaksanakan pemeriksaan laboratorium kesehatan",
            [
                "Mengambil dan menangani spesimen", "Melaksanakan pemeriksaan laboratorium sesuai standar",
                "Mencatat dan melaporkan hasil pemeriksaan",
            ]),
        DemoJob(
            "Administrator Kesehatan Ahli Pertama", 1, ["Dinas Kesehatan", "Tata Usaha"],
            "mengelola administrasi program pelayanan kesehatan",
            [
                "Menyusun rencana program pelayanan kesehatan", "Mengelola data sumber daya kesehatan",
                "Memantau mutu fasilitas pelayanan kesehatan",
            ]),
    ]
}
