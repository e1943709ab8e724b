/// The catalogue's health services and the few others (transport, labour, social affairs, public
/// order, metrology, public information). Split from `DemoServices+Catalogue.swift` only for size.
extension DemoServiceSpec {
    static let health: [DemoServiceSpec] = {
        let clinic = ["Dokter", "Perawat", "Bidan"]
        let jkn = "Kartu JKN-KIS (peserta BPJS Kesehatan)"
        let id = "KTP-el, KIA atau Kartu Keluarga"
        // SPM: waktu tunggu rawat jalan ≤ 60 menit (Kepmenkes 129/2008), the standard most puskesmas publish too.
        func outpatient(_ code: String, _ unit: String, _ volume: Int) -> DemoServiceSpec {
            .init(
                code, "Pelayanan Rawat Jalan Umum", unit: unit, standard: "60 menit",
                requirements: [id, jkn, "Kartu berobat puskesmas (kunjungan ulang)"],
                law: "UU 17/2023; Permenkes 43/2019", roles: clinic, volume: volume, season: .health,
                audience: .patients)
        }
        return [
            outpatient("PKM-OEBOBO-RJ", "DINKES.PKM06", 2300),
            outpatient("PKM-OESAPA-RJ", "DINKES.PKM08", 2100),
            outpatient("PKM-SIKUMANA-RJ", "DINKES.PKM11", 1900),
            .init(
                "PKM-ALAK-KIA", "Pelayanan Kesehatan Ibu, Anak dan Keluarga Berencana", unit: "DINKES.PKM01",
                standard: "45 menit", requirements: ["Buku KIA", jkn, id],
                law: "UU 17/2023; Permenkes 43/2019", roles: ["Bidan", "Perawat", "Dokter"], volume: 650,
                season: .health, audience: .parents),
            .init(
                "RSUD-RJ", "Pelayanan Rawat Jalan Poliklinik Spesialis", unit: "RSUD.B1", standard: "60 menit",
                fee: 50_000,
                requirements: [
                    "Surat rujukan FKTP (peserta BPJS Kesehatan)", jkn, id,
                    "Kartu berobat rumah sakit (kunjungan ulang)",
                ],
                law: "UU 17/2023; Kepmenkes 129/2008", roles: clinic, volume: 5200, season: .health, audience: .patients
            ),
            .init(
                "RSUD-IGD", "Pelayanan Gawat Darurat (IGD)", unit: "RSUD.B1", standard: "5 menit",
                requirements: [
                    "Pasien langsung ditangani tanpa syarat administrasi", "Identitas pasien atau keluarga (menyusul)",
                    "Kartu JKN-KIS (menyusul)",
                ],
                law: "UU 17/2023; Permenkes 47/2018", roles: clinic, volume: 1400, season: .health, audience: .patients),
            .init(
                "RSUD-RM", "Penerbitan Salinan Resume Medis", unit: "RSUD.B3", standard: "2 hari", fee: 25_000,
                requirements: [
                    "Surat permohonan pasien atau keluarga", "Fotokopi KTP-el pasien", "Surat kuasa (bila diwakilkan)",
                ],
                law: "UU 17/2023; Permenkes 24/2022", roles: ["Rekam Medis", "Pengolah Data", "Arsiparis"], volume: 250,
                audience: .patients),
            .init(
                "LABKESDA-AIR", "Pemeriksaan Laboratorium Kualitas Air Minum", unit: "DINKES.LABKESDA",
                standard: "7 hari",
                fee: 175_000,
                requirements: [
                    "Sampel air minimal 2 liter dalam wadah steril", "Formulir permintaan pemeriksaan",
                    "Fotokopi KTP-el pemohon",
                ],
                law: "UU 17/2023; Permenkes 2/2023", roles: ["Laboratorium"], volume: 70, audience: .business),
        ]
    }()

    static let others: [DemoServiceSpec] = [
        .init(
            "DISHUB-KIR", "Pengujian Berkala Kendaraan Bermotor (Uji KIR)", unit: "DISHUB.UPT2", standard: "1 hari",
            fee: 75_000,
            requirements: [
                "STNK asli dan fotokopi", "Buku uji atau kartu uji lama", "Fotokopi KTP-el pemilik kendaraan",
                "Bukti pembayaran retribusi",
            ],
            law: "UU 22/2009; PM 19/2021", roles: ["Penguji"], volume: 650, audience: .business),
        .init(
            "DISHUB-TRAYEK", "Rekomendasi Izin Trayek Angkutan Kota", unit: "DISHUB.B2", standard: "7 hari",
            requirements: [
                "Surat permohonan", "Fotokopi STNK dan buku uji kendaraan", "Fotokopi KTP-el atau akta badan usaha",
                "Surat pernyataan kesanggupan memenuhi standar pelayanan minimal",
            ],
            law: "UU 22/2009; PM 15/2019", roles: ["Angkutan", "Pengadministrasi"], volume: 20, audience: .business),
        .init(
            "NAKER-AK1", "Penerbitan Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)", unit: "NAKER.B1",
            standard: "1 hari",
            requirements: ["Fotokopi KTP-el", "Fotokopi ijazah terakhir", "Pas foto 3x4 dua lembar"],
            law: "Permenaker 39/2016", roles: ["Pengantar Kerja"], volume: 380, season: .adminduk, audience: .youth),
        .init(
            "DINSOS-DTKS", "Pendaftaran dan Surat Keterangan Terdaftar DTKS", unit: "DINSOS.B3", standard: "3 hari",
            requirements: [
                "Fotokopi KTP-el", "Fotokopi Kartu Keluarga", "Surat keterangan tidak mampu dari kelurahan",
            ],
            law: "UU 13/2011; Permensos 3/2021", roles: ["Pekerja Sosial", "Penyuluh Sosial"], volume: 300),
        .init(
            "SATPOLPP-ADU", "Penanganan Pengaduan Gangguan Ketenteraman dan Ketertiban Umum", unit: "SATPOLPP.B2",
            standard: "3 hari",
            requirements: ["Identitas pelapor", "Uraian kejadian dan lokasi", "Foto atau bukti pendukung (bila ada)"],
            law: "PP 16/2018; Permendagri 26/2020", roles: ["Polisi Pamong Praja"], volume: 45),
        .init(
            "SATPOLPP-PAM", "Permohonan Bantuan Pengamanan Kegiatan Masyarakat", unit: "SATPOLPP.B3",
            standard: "3 hari",
            requirements: [
                "Surat permohonan penyelenggara", "Jadwal dan lokasi kegiatan",
                "Fotokopi surat izin keramaian dari Kepolisian",
            ],
            law: "PP 16/2018", roles: ["Polisi Pamong Praja"], volume: 25),
        .init(
            "PERINDAG-TERA", "Tera dan Tera Ulang Alat Ukur, Takar, Timbang dan Perlengkapannya (UTTP)",
            unit: "PERINDAG.UPT3", standard: "3 hari", fee: 25_000,
            requirements: [
                "Surat permohonan tera atau tera ulang", "UTTP yang akan ditera", "Fotokopi KTP-el pemilik",
                "Bukti pembayaran retribusi",
            ],
            law: "UU 2/1981; Permendag 68/2018", roles: ["Penera", "Pengawas"], volume: 320, audience: .business),
        .init(
            "KOMINFO-PPID", "Pelayanan Permohonan Informasi Publik", unit: "KOMINFO.B1", standard: "10 hari",
            requirements: [
                "Formulir permohonan informasi publik", "Fotokopi KTP-el pemohon", "Akta pendirian (bagi badan hukum)",
            ],
            law: "UU 14/2008; Perki 1/2021", roles: ["Pranata", "Pengelola", "Arsiparis", "Informasi"], volume: 30),
    ]
}
