import KompetenCore

/// The head position of a unit (Kepala Dinas, Camat, Kepala Bidang, Lurah, …) with its job analysis,
/// derived from the unit's kind and name.
enum DemoHeadPositions {
    struct Head {
        let name: String
        let kind: PositionKind
        let summary: String
        /// 4–6 candidate duties; the generator keeps 3–5 of them.
        let duties: [String]
    }

    /// `parentName`: the name of the unit above (a secretariat is named after its OPD);
    /// `domain`: the field of work in lower case, e.g. "pelayanan administrasi kependudukan".
    static func head(of unit: DemoUnit, parentName: String?, domain: String) -> Head {
        let n = unit.name
        func fill(_ text: String) -> String {
            text.replacing("{unit}", with: n).replacing("{domain}", with: domain)
        }
        func make(_ name: String, _ kind: PositionKind, _ role: Role) -> Head {
            let (summary, duties) = texts(role)
            return Head(name: name, kind: kind, summary: fill(summary), duties: duties.map(fill))
        }
        switch unit.kind {
        case .kecamatan: return make("Camat " + drop("Kecamatan ", n), .administrator, .camat)
        case .kelurahan: return make("Lurah " + drop("Kelurahan ", n), .pengawas, .lurah)
        case .seksi: return make("Kepala " + n, .pengawas, .seksi)
        case .upt: return make("Kepala " + n, .pengawas, .upt)
        case .sekretariat:
            if n == "Sekretariat", let parentName {
                let head = make("Sekretaris " + parentName, .administrator, .sekretaris)
                return Head(
                    name: head.name, kind: head.kind, summary: head.summary.replacing("{parent}", with: parentName),
                    duties: head.duties)
            }
            return make("Kepala " + n, .administrator, .bidang)
        case .bidang:
            // Asisten Sekretaris Daerah are JPT pratama; an Inspektur Pembantu is named by the unit.
            if n.hasPrefix("Asisten ") {
                let scope = lowercasedWords(drop("Asisten ", n))
                let head = make(n, .jpt, .asisten)
                return Head(
                    name: head.name, kind: head.kind, summary: head.summary.replacing("{scope}", with: scope),
                    duties: head.duties)
            }
            if n.hasPrefix("Inspektur ") { return make(n, .administrator, .inspekturPembantu) }
            return make("Kepala " + n, .administrator, .bidang)
        case .opd:
            // A Bagian of the Sekretariat Daerah is an administrator post even where the file
            // lists it as a top-level unit.
            if n.hasPrefix("Bagian ") { return make("Kepala " + n, .administrator, .bidang) }
            if n.hasPrefix("Sekretariat ") { return make("Sekretaris " + drop("Sekretariat ", n), .jpt, .opd) }
            if n.hasPrefix("Inspektorat ") { return make("Inspektur " + drop("Inspektorat ", n), .jpt, .opd) }
            if n.hasPrefix("Rumah Sakit ") { return make("Direktur " + n, .jpt, .opd) }
            return make("Kepala " + n, .jpt, .opd)
        }
    }

    enum Role { case opd, asisten, sekretaris, bidang, inspekturPembantu, camat, seksi, upt, lurah }

    private static func texts(_ role: Role) -> (String, [String]) {
        switch role {
        case .opd:
            (
                "Memimpin {unit} dalam merumuskan kebijakan, mengoordinasikan, membina, dan mengendalikan penyelenggaraan urusan pemerintahan di bidang {domain}.",
                [
                    "Merumuskan kebijakan teknis di bidang {domain}",
                    "Menetapkan rencana strategis dan perjanjian kinerja perangkat daerah",
                    "Mengoordinasikan penyelenggaraan urusan pemerintahan di bidang {domain}",
                    "Membina dan mengendalikan pelaksanaan program dan kegiatan",
                    "Membina aparatur dan mengelola sumber daya perangkat daerah",
                    "Melaporkan capaian kinerja kepada kepala daerah",
                ]
            )
        case .asisten:
            (
                "Membantu Sekretaris Daerah mengoordinasikan perumusan kebijakan dan pelaksanaan tugas perangkat daerah dalam urusan {scope}.",
                [
                    "Mengoordinasikan perumusan kebijakan perangkat daerah terkait",
                    "Memantau dan mengevaluasi pelaksanaan kebijakan",
                    "Mengoordinasikan pembinaan administrasi perangkat daerah",
                    "Melaporkan pelaksanaan tugas kepada Sekretaris Daerah",
                ]
            )
        case .sekretaris:
            (
                "Mengoordinasikan pelayanan administrasi umum, kepegawaian, keuangan, serta perencanaan dan pelaporan di lingkungan {parent}.",
                [
                    "Mengoordinasikan penyusunan rencana program dan anggaran",
                    "Mengelola administrasi umum, kepegawaian, dan kearsipan",
                    "Mengoordinasikan pengelolaan keuangan dan barang milik daerah",
                    "Menyusun laporan kinerja dan laporan keuangan",
                    "Membagi tugas, membimbing, dan menilai kinerja bawahan",
                ]
            )
        case .bidang:
            (
                "Memimpin {unit} dalam menyiapkan perumusan kebijakan teknis serta melaksanakan, memantau, dan mengevaluasi program di bidang {domain}.",
                [
                    "Menyusun rencana kerja dan anggaran unit",
                    "Menyiapkan bahan perumusan kebijakan teknis di bidang {domain}",
                    "Mengoordinasikan dan memantau pelaksanaan program dan kegiatan",
                    "Membagi tugas, membimbing, dan menilai kinerja bawahan",
                    "Menyusun laporan kinerja unit",
                ]
            )
        case .inspekturPembantu:
            (
                "Memimpin pengawasan penyelenggaraan pemerintahan daerah pada perangkat daerah di wilayah binaannya.",
                [
                    "Menyusun program kerja pengawasan tahunan", "Memimpin audit, reviu, evaluasi, dan pemantauan",
                    "Mengendalikan mutu hasil pengawasan", "Melaporkan hasil pengawasan kepada Inspektur",
                ]
            )
        case .camat:
            (
                "Memimpin penyelenggaraan pemerintahan di {unit}, mengoordinasikan pemberdayaan masyarakat, ketenteraman dan ketertiban umum, serta pelayanan kepada masyarakat.",
                [
                    "Mengoordinasikan kegiatan pemberdayaan masyarakat",
                    "Mengoordinasikan penyelenggaraan ketenteraman dan ketertiban umum",
                    "Membina dan mengawasi penyelenggaraan pemerintahan kelurahan",
                    "Menyelenggarakan pelayanan administrasi terpadu kecamatan",
                    "Melaksanakan kewenangan yang dilimpahkan kepala daerah",
                ]
            )
        case .seksi:
            (
                "Menyelia pelaksanaan kegiatan {unit}: membagi tugas, memantau, dan mengevaluasi hasil kerja pelaksana di bidang {domain}.",
                [
                    "Menyusun rencana kegiatan unit", "Membagi tugas dan memberi petunjuk kepada pelaksana",
                    "Memeriksa dan mengevaluasi hasil kerja bawahan",
                    "Menyiapkan bahan kebijakan teknis di bidang {domain}",
                    "Menyusun laporan pelaksanaan kegiatan",
                ]
            )
        case .upt:
            (
                "Memimpin {unit} dalam melaksanakan kegiatan teknis operasional dan pelayanan kepada masyarakat di bidang {domain}.",
                [
                    "Menyusun rencana kerja dan anggaran unit", "Memastikan pelayanan sesuai standar pelayanan",
                    "Mengelola pegawai, keuangan, dan sarana unit",
                    "Menindaklanjuti pengaduan dan hasil survei kepuasan masyarakat",
                    "Melaporkan kinerja kepada kepala perangkat daerah",
                ]
            )
        case .lurah:
            (
                "Memimpin penyelenggaraan pemerintahan {unit}: pelayanan masyarakat, pemberdayaan masyarakat, serta ketenteraman dan ketertiban di wilayahnya.",
                [
                    "Melaksanakan kegiatan pemerintahan kelurahan",
                    "Memberdayakan masyarakat dan lembaga kemasyarakatan",
                    "Melaksanakan pelayanan administrasi kepada masyarakat",
                    "Memelihara ketenteraman dan ketertiban umum",
                    "Memelihara prasarana dan fasilitas pelayanan umum",
                ]
            )
        }
    }

    private static func drop(_ prefix: String, _ name: String) -> String {
        name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
    }

    /// "Pengadaan Barang/Jasa dan UMKM" → "pengadaan barang/jasa dan UMKM": acronyms keep their case.
    static func lowercasedWords(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let letters = word.filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy(\.isUppercase) ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }
}
