/// The demo training institutions: names of real institutions in and around Kupang, made-up contacts.
extension DemoCatalogue {
    struct ProviderRow {
        let provider: DemoProvider
        let prefix: String
        let venues: [String]
    }

    static let providerRows: [ProviderRow] = [
        ProviderRow(
            provider: DemoProvider(
                code: "BPSDMD-NTT", name: "Badan Pengembangan Sumber Daya Manusia Daerah Provinsi Nusa Tenggara Timur",
                kind: "bpsdmd", accreditation: "A", contactName: "Drs. Yohanes B. Ndolu, M.Si",
                phone: "(0380) 833 412", email: "diklat@bpsdmd.nttprov.go.id",
                address: "Jl. Polisi Militer No. 7, Kelurahan Oebobo, Kecamatan Oebobo, Kota Kupang 85111"),
            prefix: "BPSDMD-NTT", venues: ["Kampus BPSDMD Provinsi NTT, Oebobo", "Aula Kenari BPSDMD Provinsi NTT"]),
        ProviderRow(
            provider: DemoProvider(
                code: "LAN-PUSLATBANG-KMP",
                name:
                    "Lembaga Administrasi Negara – Pusat Pembelajaran dan Strategi Kebijakan Manajemen Pemerintahan (Puslatbang KMP) Makassar",
                kind: "lan", accreditation: "A", contactName: "Dr. Andi Rahmat Hidayat, S.Sos., M.Si",
                phone: "(0411) 490 118", email: "pelatihan.kmp@lan.go.id",
                address: "Jl. Raya Baruga No. 48, Antang, Kecamatan Manggala, Kota Makassar 90234"),
            prefix: "LAN-KMP", venues: ["Hotel Aston Kupang", "Hotel Harper Kupang"]),
        ProviderRow(
            provider: DemoProvider(
                code: "UNDANA", name: "Universitas Nusa Cendana", kind: "universitas", accreditation: "A",
                contactName: "Dr. Maria Goreti Tefa, S.E., M.Si", phone: "(0380) 881 257",
                email: "pusdiklat@undana.ac.id",
                address: "Jl. Adisucipto, Penfui, Kecamatan Maulafa, Kota Kupang 85001"),
            prefix: "UNDANA", venues: ["Kampus Undana Penfui", "Aula Rektorat Undana Penfui"]),
        ProviderRow(
            provider: DemoProvider(
                code: "PNK", name: "Politeknik Negeri Kupang", kind: "universitas", accreditation: "B",
                contactName: "Ir. Fredrik Lado, M.T.", phone: "(0380) 881 940", email: "upt.pelatihan@pnk.ac.id",
                address: "Jl. Adisucipto, Penfui, Kecamatan Maulafa, Kota Kupang 85011"),
            prefix: "PNK", venues: ["Kampus Politeknik Negeri Kupang, Penfui", "Aula Politeknik Negeri Kupang, Penfui"]),
        ProviderRow(
            provider: DemoProvider(
                code: "UNWIRA", name: "Universitas Katolik Widya Mandira", kind: "universitas", accreditation: "B",
                contactName: "Dr. Yosefina Mella, S.Pd., M.Pd.", phone: "(0380) 833 395", email: "lppm@unwira.ac.id",
                address: "Jl. San Juan, Penfui Timur, Kabupaten Kupang 85361"),
            prefix: "UNWIRA", venues: ["Kampus Unwira Penfui", "Aula Kampus Unwira Merdeka, Kupang"]),
        ProviderRow(
            provider: DemoProvider(
                code: "BPSDM-KEMENDAGRI",
                name:
                    "Balai Pengembangan Kompetensi Pemerintahan Dalam Negeri Regional Makassar (BPSDM Kementerian Dalam Negeri)",
                kind: "kementerian", accreditation: "A", contactName: "Hendrik Pellokila, S.STP., M.AP",
                phone: "(0411) 584 207", email: "bpkpdn.makassar@kemendagri.go.id",
                address: "Jl. Perintis Kemerdekaan Km. 12, Tamalanrea, Kota Makassar 90245"),
            prefix: "BPSDM-KEMENDAGRI", venues: ["Hotel Aston Kupang", "Hotel Swiss-Belinn Kristal Kupang"]),
        ProviderRow(
            provider: DemoProvider(
                code: "LPK-FLOBAMORA", name: "LPK Flobamora Cendekia", kind: "swasta", accreditation: "B",
                contactName: "Ernawati Riwu Kaho, S.E.", phone: "(0380) 826 174", email: "admin@lpkflobamora.co.id",
                address: "Jl. W. J. Lalamentik No. 21, Kelurahan Oebufu, Kecamatan Oebobo, Kota Kupang 85111"),
            prefix: "LPK-FC", venues: ["Ruang Pelatihan LPK Flobamora Cendekia, Oebufu"]),
        ProviderRow(
            provider: DemoProvider(
                code: "LPK-SASANDO", name: "LPK Sasando Prima Kompetensi", kind: "swasta", accreditation: "C",
                contactName: "Kristofel Nalle, S.Kom.", phone: "(0380) 857 309", email: "info@sasandoprima.id",
                address: "Jl. Timor Raya Km. 8, Kelurahan Oesapa, Kecamatan Kelapa Lima, Kota Kupang 85228"),
            prefix: "LPK-SPK", venues: ["Ruang Kelas LPK Sasando Prima, Oesapa"]),
    ]
}
