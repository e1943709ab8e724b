import KompetenCore

/// The full standar pelayanan (14 components) of two Dukcapil services, written as a
/// Disdukcapil would publish them: requirements after Perpres 96/2018 and Permendagri 108/2019,
/// free of charge by UU 24/2013 Ps 79A, kompetensi pelaksana with the city's dictionary codes.
/// KTP-el has a second version (from 1 July 2026, after the training wave: online registration
/// and a higher Pelayanan Publik level), so the version history shows. Every other service gets
/// version 1 from its catalogue fields, as the upgrade does.
public enum DemoServiceStandards {
    public struct Version: Sendable {
        public let effectiveFrom: SimpleDate
        public let content: ServiceStandardContent
    }

    /// The versions of a service, oldest first; empty = version 1 from the catalogue fields.
    public static func versions(serviceCode: String) -> [Version] {
        switch serviceCode {
        case "DUKCAPIL-KTP": [ktp(version: 1), ktp(version: 2)]
        case "DUKCAPIL-AKL": [Version(effectiveFrom: StandardHistory.beginning, content: akta)]
        default: []
        }
    }

    static let free =
        "Tidak dipungut biaya (gratis). Pengurusan dan penerbitan dokumen kependudukan tidak dipungut biaya (UU 24/2013 Pasal 79A)."
    static let complaints = """
        Pengaduan, saran dan masukan disampaikan melalui:
        1. Formulir pengaduan daring pada tautan layanan (kode pelacakan diberikan otomatis);
        2. Kotak saran dan meja pengaduan di ruang pelayanan Dinas Dukcapil;
        3. Survei kepuasan masyarakat (kode QR di loket).
        Pengaduan dijawab paling lama 5 hari kerja.
        """
    static let facilities = """
        Ruang tunggu ber-AC dengan kursi dan nomor antrean; loket pelayanan;
        perangkat perekaman KTP-el (sidik jari, iris, kamera, tanda tangan); printer kartu;
        jaringan SIAK terpusat; toilet dan ruang laktasi; jalur dan kursi roda bagi penyandang disabilitas.
        """
    static let supervision = """
        Pengawasan melekat oleh Kepala Bidang Pelayanan Pendaftaran Penduduk;
        pemeriksaan oleh Inspektorat Kota Kupang;
        pemantauan kinerja pelayanan oleh Direktorat Jenderal Kependudukan dan Pencatatan Sipil.
        """
    static let guarantee =
        "Pelayanan diberikan sesuai standar pelayanan ini; bila tidak, pemohon berhak mengadu dan mendapat tanggapan. Maklumat pelayanan dipasang di ruang pelayanan."
    static let safety =
        "Data pribadi penduduk dilindungi (UU 27/2022); dokumen diserahkan hanya kepada pemohon atau kuasanya; ruang pelayanan dilengkapi APAR dan jalur evakuasi."
    static let evaluation =
        "Evaluasi kinerja pelaksana setiap triwulan berdasarkan hasil survei kepuasan masyarakat, ketepatan waktu dan pengaduan; penilaian SKP tahunan."

    static func texts(
        persyaratan: String, prosedur: String, jangkaWaktu: String, produk: String, dasarHukum: String
    ) -> [ServiceStandardComponent: String] {
        [
            .persyaratan: persyaratan, .prosedur: prosedur, .jangkaWaktu: jangkaWaktu, .biaya: free, .produk: produk,
            .pengaduan: complaints, .dasarHukum: dasarHukum, .saranaPrasarana: facilities,
            .pengawasanInternal: supervision, .jaminanPelayanan: guarantee, .jaminanKeamanan: safety,
            .evaluasiKinerja: evaluation,
        ]
    }

    static func ktp(version: Int) -> Version {
        let online = version >= 2
        let prosedur =
            """
            1. Pemohon mengambil nomor antrean\(online ? " di loket atau mendaftar daring" : "") dan menyerahkan Kartu Keluarga;
            2. Petugas memverifikasi data pada SIAK;
            3. Perekaman foto, tanda tangan, sidik jari dan iris mata;
            4. Pencetakan KTP-el setelah data tunggal terverifikasi;
            5. KTP-el diserahkan kepada pemohon dan dicatat dalam buku penyerahan.
            """
        let content = ServiceStandardContent(
            texts: texts(
                persyaratan: """
                    Telah berusia 17 tahun, sudah kawin atau pernah kawin
                    Kartu Keluarga (KK)
                    Hadir untuk perekaman biometrik (foto, sidik jari, iris mata)
                    """,
                prosedur: prosedur,
                jangkaWaktu: "Paling lama 60 menit sejak persyaratan dinyatakan lengkap dan perekaman selesai.",
                produk: "Kartu Tanda Penduduk elektronik (KTP-el).",
                dasarHukum: """
                    Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan
                    Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
                    Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil
                    Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019
                    """),
            competencies: [
                PelaksanaCompetency(competencyCode: "T.ADMDUK", requiredLevel: 3),
                PelaksanaCompetency(competencyCode: "M.5", requiredLevel: online ? 3 : 2),
            ],
            staffCount: online ? 16 : 12,
            staffNote: online
                ? "12 petugas loket dan perekaman, 4 operator pendaftaran daring (analisis beban kerja 2026)."
                : "Petugas loket dan perekaman (analisis beban kerja 2024).")
        return Version(
            effectiveFrom: online ? SimpleDate(year: 2026, month: 7, day: 1)! : StandardHistory.beginning,
            content: content)
    }

    static let akta = ServiceStandardContent(
        texts: texts(
            persyaratan: """
                Surat keterangan kelahiran dari rumah sakit, puskesmas, bidan atau kepala desa/lurah
                Buku nikah atau kutipan akta perkawinan orang tua (atau SPTJM kebenaran sebagai pasangan suami istri)
                Kartu Keluarga tempat anak didaftarkan
                Formulir F-2.01 (bila tidak ada surat keterangan kelahiran: SPTJM kebenaran data kelahiran)
                """,
            prosedur: """
                1. Pemohon menyerahkan formulir F-2.01 dan persyaratan di loket pencatatan sipil atau melalui kelurahan;
                2. Petugas memverifikasi dan memvalidasi data;
                3. Pencatatan dalam register akta kelahiran dan penerbitan kutipan akta;
                4. Penandatanganan elektronik oleh Pejabat Pencatatan Sipil;
                5. Kutipan akta kelahiran dan KK baru diserahkan kepada pemohon.
                """,
            jangkaWaktu: "Paling lama 1 hari kerja sejak persyaratan dinyatakan lengkap.",
            produk: "Kutipan akta kelahiran dan Kartu Keluarga yang diperbarui.",
            dasarHukum: """
                Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan
                Peraturan Presiden Nomor 96 Tahun 2018
                Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019
                Peraturan Menteri Dalam Negeri Nomor 9 Tahun 2016 tentang Percepatan Peningkatan Cakupan Kepemilikan Akta Kelahiran
                """),
        competencies: [
            PelaksanaCompetency(competencyCode: "T.ADMDUK", requiredLevel: 3),
            PelaksanaCompetency(competencyCode: "M.5", requiredLevel: 2),
        ],
        staffCount: 5, staffNote: "Petugas loket pencatatan sipil dan verifikator.")
}
