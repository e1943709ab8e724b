import KompetenCore

/// The city's public services as their standar pelayanan state them, with what the demo needs
/// to make their numbers: a typical monthly volume for a city of about 450,000, a seasonal pattern
/// and the words of the position names that deliver them.
struct DemoServiceSpec {
    /// Months (January first) that are busier or quieter than average.
    enum Season {
        /// School admissions in June–July need KK and akta; December is quiet.
        case adminduk
        /// The rainy season (December–March) fills the puskesmas and hospital.
        case health
        /// Business licences pick up after the first quarter's budgets.
        case licensing
        case flat

        var factors: [Double] {
            switch self {
            case .adminduk: [1.08, 0.98, 0.96, 0.95, 0.97, 1.12, 1.20, 1.04, 0.96, 0.95, 0.92, 0.87]
            case .health: [1.12, 1.10, 1.06, 0.97, 0.93, 0.90, 0.92, 0.94, 0.95, 0.99, 1.04, 1.08]
            case .licensing: [0.86, 0.94, 1.00, 1.02, 1.02, 1.00, 1.04, 1.05, 1.05, 1.06, 1.04, 0.92]
            case .flat: [0.96, 1.00, 1.00, 1.00, 1.00, 1.00, 1.02, 1.02, 1.00, 1.00, 1.00, 0.90]
            }
        }
    }

    /// Who tends to answer the survey (age, education and occupation follow it).
    enum Audience { case general, youth, parents, patients, business }

    /// A service whose transactions are exported one by one.
    struct Tickets {
        let prefix: String
        /// Weights of "loket", "daring", "jemput_bola".
        let channels: [Double]
    }

    let code: String
    let name: String
    let unitCode: String
    let minutes: Int
    let text: String
    let fee: Int
    let requirements: [String]
    let legalBasis: String
    let roles: [String]
    /// Applications received in an average month.
    let volume: Int
    let season: Season
    let audience: Audience
    let tickets: Tickets?

    init(
        _ code: String, _ name: String, unit: String, standard text: String, fee: Int = 0, requirements: [String],
        law: String, roles: [String], volume: Int, season: Season = .flat, audience: Audience = .general,
        tickets: Tickets? = nil
    ) {
        self.code = code
        self.name = name
        self.unitCode = unit
        self.minutes = Self.minutes(text)
        self.text = text
        self.fee = fee
        self.requirements = requirements
        self.legalBasis = law
        self.roles = roles
        self.volume = volume
        self.season = season
        self.audience = audience
        self.tickets = tickets
    }

    /// "60 menit" → 60, "1 hari" → 1,440, "2 jam" → 120, "28 hari kerja" → its calendar
    /// equivalent (`StandardTime.Unit.minutes`): the text is the source, so the two never disagree.
    static func minutes(_ text: String) -> Int { StandardTime(text: text)?.minutes ?? 1440 }

    static let catalogue: [DemoServiceSpec] = adminduk + licensing + territory + health + others

    private static let adminduk: [DemoServiceSpec] = {
        let law = "UU 24/2013; Perpres 96/2018; Permendagri 109/2019"
        let clerk = ["Kependudukan"]
        return [
            .init(
                "DUKCAPIL-KTP", "Penerbitan KTP-el Baru", unit: "DUKCAPIL.B1", standard: "60 menit",
                requirements: [
                    "Telah berusia 17 tahun, sudah kawin atau pernah kawin", "Fotokopi Kartu Keluarga",
                    "Hadir untuk perekaman sidik jari, iris dan foto",
                ],
                law: law, roles: clerk, volume: 1900, season: .adminduk, audience: .youth,
                tickets: Tickets(prefix: "KTP", channels: [0.76, 0.10, 0.14])),
            .init(
                "DUKCAPIL-KTPG", "Penggantian KTP-el Rusak, Hilang atau Perubahan Data", unit: "DUKCAPIL.B1",
                standard: "60 menit",
                requirements: [
                    "KTP-el yang rusak atau dokumen perubahan data",
                    "Surat keterangan kehilangan dari Kepolisian (bila hilang)",
                    "Fotokopi Kartu Keluarga",
                ],
                law: law, roles: clerk, volume: 900, season: .adminduk),
            .init(
                "DUKCAPIL-KK", "Penerbitan Kartu Keluarga", unit: "DUKCAPIL.B1", standard: "60 menit",
                requirements: [
                    "Formulir F-1.02 (biodata penduduk)", "Kartu Keluarga lama",
                    "Fotokopi buku nikah atau akta perkawinan",
                    "Surat keterangan pindah (bagi pendatang)",
                ],
                law: law, roles: clerk, volume: 1300, season: .adminduk,
                tickets: Tickets(prefix: "KK", channels: [0.74, 0.23, 0.03])),
            .init(
                "DUKCAPIL-SKPWNI", "Penerbitan Surat Keterangan Pindah (SKPWNI)", unit: "DUKCAPIL.B1",
                standard: "1 hari",
                requirements: [
                    "Kartu Keluarga", "KTP-el pemohon", "Formulir F-1.03 (pendaftaran perpindahan penduduk)",
                ],
                law: law, roles: clerk, volume: 320, season: .adminduk),
            .init(
                "DUKCAPIL-KIA", "Penerbitan Kartu Identitas Anak (KIA)", unit: "DUKCAPIL.B1", standard: "1 hari",
                requirements: [
                    "Fotokopi kutipan akta kelahiran anak", "Kartu Keluarga orang tua",
                    "Pas foto berwarna 2x3 (anak berusia 5 tahun ke atas)",
                ],
                law: "UU 24/2013; Permendagri 2/2016", roles: clerk, volume: 450, season: .adminduk, audience: .parents),
            .init(
                "DUKCAPIL-AKL", "Penerbitan Akta Kelahiran", unit: "DUKCAPIL.B2", standard: "1 hari",
                requirements: [
                    "Surat keterangan kelahiran dari rumah sakit, puskesmas atau bidan", "Kartu Keluarga",
                    "Fotokopi buku nikah atau akta perkawinan orang tua", "Formulir F-2.01",
                ],
                law: law, roles: clerk, volume: 700, season: .adminduk, audience: .parents),
            .init(
                "DUKCAPIL-AKM", "Penerbitan Akta Kematian", unit: "DUKCAPIL.B2", standard: "1 hari",
                requirements: [
                    "Surat keterangan kematian dari rumah sakit atau kelurahan", "Kartu Keluarga",
                    "KTP-el almarhum/almarhumah", "Formulir F-2.01",
                ],
                law: law, roles: clerk, volume: 160),
            .init(
                "DUKCAPIL-LEG", "Legalisir Dokumen Kependudukan", unit: "DUKCAPIL.B2", standard: "60 menit",
                requirements: ["Dokumen kependudukan asli", "Fotokopi dokumen yang akan dilegalisir"],
                law: "UU 24/2013; Perpres 96/2018", roles: clerk, volume: 400, season: .adminduk),
        ]
    }()

    private static let licensing: [DemoServiceSpec] = {
        let desk = ["Perizinan", "Verifikator"]
        return [
            .init(
                "DPMPTSP-NIB", "Penerbitan Perizinan Berusaha Berbasis Risiko (NIB)", unit: "DPMPTSP.B2",
                standard: "1 hari",
                requirements: [
                    "KTP-el penanggung jawab usaha", "NPWP", "Akta pendirian (bagi badan usaha)",
                    "Alamat dan lokasi usaha",
                ],
                law: "PP 5/2021; Peraturan BKPM 4/2021", roles: desk, volume: 260, season: .licensing,
                audience: .business),
            .init(
                "DPMPTSP-PBG", "Persetujuan Bangunan Gedung (PBG)", unit: "DPMPTSP.B2", standard: "28 hari kerja",
                requirements: [
                    "Dokumen rencana teknis bangunan gedung", "Bukti kepemilikan atau penguasaan tanah",
                    "Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)", "KTP-el pemohon",
                ],
                law: "UU 28/2002; PP 16/2021", roles: desk, volume: 35, season: .licensing, audience: .business),
            .init(
                "DPMPTSP-SIP", "Penerbitan Surat Izin Praktik Tenaga Kesehatan (SIP)", unit: "DPMPTSP.B2",
                standard: "5 hari",
                requirements: [
                    "Surat Tanda Registrasi (STR) yang berlaku", "Surat keterangan tempat praktik",
                    "Rekomendasi organisasi profesi", "Pas foto berwarna 4x6",
                ],
                law: "UU 17/2023; PP 28/2024", roles: desk, volume: 70, season: .licensing),
            .init(
                "DPMPTSP-REK", "Penerbitan Izin Penyelenggaraan Reklame", unit: "DPMPTSP.B2", standard: "3 hari",
                requirements: ["KTP-el pemohon", "NPWP", "Desain dan ukuran reklame", "Denah lokasi pemasangan"],
                law: "UU 1/2022; PP 35/2023", roles: desk, volume: 40, season: .licensing, audience: .business),
            .init(
                "DPMPTSP-UMK", "Penerbitan Izin Usaha Mikro dan Kecil (NIB UMK)", unit: "DPMPTSP.B2",
                standard: "60 menit",
                requirements: [
                    "KTP-el pemilik usaha", "Surat keterangan usaha dari kelurahan", "Nomor telepon dan surel aktif",
                ],
                law: "PP 7/2021; PP 5/2021", roles: desk, volume: 150, season: .licensing, audience: .business),
            .init(
                "DPMPTSP-ADU", "Penanganan Pengaduan Perizinan", unit: "DPMPTSP.B3", standard: "5 hari",
                requirements: ["Identitas pengadu (KTP-el)", "Uraian pengaduan", "Bukti pendukung (bila ada)"],
                law: "Perpres 76/2013; PermenPANRB 62/2018", roles: ["Verifikator", "Pengolah"], volume: 25,
                audience: .business),
        ]
    }()

    /// One service per kecamatan (PP 17/2018) and one per kecamatan in one of its kelurahan (PP 73/2005).
    private static let territory: [DemoServiceSpec] = {
        let camat = ["Pemerintahan", "Pengadministrasi Umum"]
        let lurah = ["Pemerintahan", "Umum", "Pengolah"]
        let kec = "PP 17/2018"
        let kel = "PP 73/2005"
        let rt = "Surat pengantar RT/RW"
        let ktp = "Fotokopi KTP-el"
        let kk = "Fotokopi Kartu Keluarga"
        func domicile(_ code: String, _ unit: String, _ volume: Int) -> DemoServiceSpec {
            .init(
                code, "Surat Keterangan Domisili", unit: unit, standard: "60 menit", requirements: [rt, ktp, kk],
                law: kel, roles: lurah, volume: volume)
        }
        func poverty(_ code: String, _ unit: String, _ volume: Int) -> DemoServiceSpec {
            .init(
                code, "Surat Keterangan Tidak Mampu", unit: unit, standard: "60 menit",
                requirements: [rt, ktp, kk, "Surat pernyataan tidak mampu bermeterai"], law: kel, roles: lurah,
                volume: volume)
        }
        return [
            .init(
                "KEC-ALAK-SKAW", "Legalisasi Surat Keterangan Ahli Waris", unit: "KEC-ALAK", standard: "3 hari",
                requirements: [
                    "Surat keterangan ahli waris yang diketahui lurah", "Fotokopi akta kematian pewaris",
                    "Fotokopi KTP-el dan Kartu Keluarga para ahli waris", rt,
                ],
                law: kec, roles: camat, volume: 35),
            .init(
                "KEC-MAULAFA-SKCK", "Surat Pengantar Permohonan SKCK", unit: "KEC-MAULAFA", standard: "60 menit",
                requirements: ["Surat pengantar kelurahan", ktp, kk], law: kec, roles: camat, volume: 110,
                audience: .youth),
            .init(
                "KEC-OEBOBO-SKDU", "Legalisasi Surat Keterangan Domisili Usaha", unit: "KEC-OEBOBO", standard: "1 hari",
                requirements: ["Surat keterangan domisili usaha dari kelurahan", "Fotokopi KTP-el pemilik usaha", rt],
                law: kec, roles: camat, volume: 90, audience: .business),
            .init(
                "KEC-KOTARAJA-SKPT", "Legalisasi Surat Keterangan Penguasaan Fisik Bidang Tanah", unit: "KEC-KOTARAJA",
                standard: "3 hari",
                requirements: [
                    "Surat pernyataan penguasaan fisik bidang tanah", "Surat keterangan lurah",
                    "Fotokopi KTP-el dan Kartu Keluarga pemohon", "Bukti pembayaran PBB tahun berjalan",
                ],
                law: "PP 17/2018; PP 18/2021", roles: camat, volume: 30),
            .init(
                "KEC-KLAPALIMA-SKTM", "Legalisasi Surat Keterangan Tidak Mampu", unit: "KEC-KLAPALIMA",
                standard: "1 hari",
                requirements: ["Surat keterangan tidak mampu dari kelurahan", ktp, kk], law: kec, roles: camat,
                volume: 70),
            .init(
                "KEC-KOTALAMA-IKR", "Rekomendasi Izin Keramaian", unit: "KEC-KOTALAMA", standard: "1 hari",
                requirements: [
                    "Surat permohonan penyelenggara kegiatan", "Surat pengantar kelurahan",
                    "Fotokopi KTP-el penanggung jawab", "Jadwal dan susunan acara",
                ],
                law: kec, roles: camat, volume: 40),
            domicile("KEL-NAMOSAIN-SKD", "KEC-ALAK.NAMOSAIN", 90),
            poverty("KEL-OEPURA-SKTM", "KEC-MAULAFA.OEPURA", 110),
            domicile("KEL-OEBUFU-SKD", "KEC-OEBOBO.OEBUFU", 150),
            .init(
                "KEL-KUANINO-SKU", "Surat Keterangan Usaha", unit: "KEC-KOTARAJA.KUANINO", standard: "60 menit",
                requirements: [rt, ktp, kk, "Foto tempat usaha"], law: kel, roles: lurah, volume: 60,
                audience: .business),
            poverty("KEL-OESAPA-SKTM", "KEC-KLAPALIMA.OESAPA", 140),
            domicile("KEL-OEBA-SKD", "KEC-KOTALAMA.OEBA", 75),
        ]
    }()
}
