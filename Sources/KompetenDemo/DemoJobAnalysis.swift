import KompetenCore

/// The demo's job analyses: every position's duties become tugas pokok rows with a workload, so
/// ABK has a city to show. The workload is drawn against the position's real holders: the
/// front-line counters of Dukcapil and the kecamatan are short of people (their queues in the
/// service figures say the same), most other positions roughly fit, and a few carry more people
/// than their work needs.
public struct DemoJobAnalysis: Sendable, Equatable {
    public let positionCode: String
    public let analysis: JobAnalysis
}

public enum DemoJobAnalysisGenerator {
    /// Norm times an anjab form uses (hours): 15 minutes to a working day.
    static let norms = [25, 50, 75, 100, 150, 200, 400, 800]
    static let outputs: [(String, String)] = [
        ("Berkas terverifikasi", "berkas"), ("Data terekam", "data"), ("Dokumen terbit", "dokumen"),
        ("Laporan", "laporan"), ("Konsep surat", "konsep"), ("Rekomendasi", "rekomendasi"),
        ("Kegiatan terlaksana", "kegiatan"),
    ]

    public static func generate(_ org: DemoInstansi, seed: UInt64 = 0xAB_2027) -> [DemoJobAnalysis] {
        var holders: [String: Int] = [:]
        for e in org.employees where e.isActive { holders[e.positionCode, default: 0] += 1 }
        return org.positions.map { p in
            var r = DemoRandom(seed: DemoRandom.derive(seed, fnv(p.code)))
            var a = JobAnalysis()
            a.positionClass = positionClass(p.kind, &r)
            a.functionalGrade = functionalGrade(p)
            (a.education, a.training, a.experience) = qualification(p.kind)
            let people = holders[p.code] ?? 0
            // The work the position carries, as a multiple of its holders (a vacant one: 0.6–1.2 people).
            let frontLine = ["DUKCAPIL", "KEC."].contains { p.unitCode.hasPrefix($0) } && p.kind == .pelaksana
            let factor =
                people == 0
                ? 0.6 + r.unit() * 0.6
                : frontLine ? 1.25 + r.unit() * 0.45 : r.chance(0.15) ? 0.45 + r.unit() * 0.3 : 0.8 + r.unit() * 0.4
            let targetHours = Double(max(people, 1)) * factor * Double(Workload.defaultEffectiveHours)
            let duties = p.duties.isEmpty ? [p.summary] : p.duties
            let weights = duties.map { _ in 1 + r.below(4) }
            let total = Double(weights.reduce(0, +))
            a.tasks = duties.enumerated().map { i, duty in
                let norm = r.pick(norms)
                let hours = targetHours * Double(weights[i]) / total
                let (output, unit) = r.pick(outputs)
                return JobTask(
                    description: duty, output: output, unit: unit,
                    annualVolume: max(1, Int((hours * 100 / Double(norm)).rounded())), normHundredths: norm)
            }
            a.texts = texts(p.kind)
            return DemoJobAnalysis(positionCode: p.code, analysis: a)
        }
    }

    /// A demo fungsional position carries its jenjang in its name ("Analis Hukum Ahli Muda").
    static func functionalGrade(_ p: DemoPosition) -> FunctionalGrade? {
        guard p.kind == .fungsional else { return nil }
        return FunctionalGrade.allCases.first { p.name.hasSuffix(" " + $0.label) }
    }

    /// The positions BKPPD marks as key beyond JPT and administrator: every lurah (the
    /// kelurahan's head, a pengawas, is where residents meet the city) and the head of the
    /// public-service subdivision that sets the service standards.
    public static func keyPositionCodes(_ org: DemoInstansi) -> [String] {
        org.positions.filter { p in
            p.kind == .pengawas && (p.name.hasPrefix("Lurah ") || p.name.hasPrefix("Kepala Subbagian Pelayanan Publik"))
        }.map(\.code)
    }

    /// Jabatan tujuan the demo sets: in the first five kelurahan (by code), the first active
    /// pelaksana (by NIP) is being prepared to become its lurah, a key position.
    public static func targetAssignments(_ org: DemoInstansi) -> [(nip: String, positionCode: String)] {
        let kinds = Dictionary(uniqueKeysWithValues: org.positions.map { ($0.code, $0) })
        let lurah = org.positions.filter { $0.kind == .pengawas && $0.name.hasPrefix("Lurah ") }
            .sorted { $0.code < $1.code }.prefix(5)
        return lurah.compactMap { l in
            org.employees.filter { e in
                e.isActive && e.unitCode == l.unitCode && kinds[e.positionCode]?.kind == .pelaksana
            }.min { $0.nip < $1.nip }.map { (nip: $0.nip, positionCode: l.code) }
        }
    }

    static func positionClass(_ kind: PositionKind, _ r: inout DemoRandom) -> Int {
        switch kind {
        case .jpt: 14
        case .administrator: 11 + r.below(2)
        case .pengawas: 9
        case .fungsional: 8 + r.below(2)
        case .pelaksana: 5 + r.below(3)
        }
    }

    static func qualification(_ kind: PositionKind) -> (String, String, String) {
        switch kind {
        case .jpt:
            (
                "S2 bidang yang relevan", "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)",
                "Pernah menduduki jabatan administrator paling singkat 5 tahun"
            )
        case .administrator:
            (
                "S1/D-IV bidang yang relevan", "Pelatihan Kepemimpinan Administrator (PKA)",
                "Pernah menduduki jabatan pengawas paling singkat 3 tahun"
            )
        case .pengawas:
            (
                "S1/D-IV bidang yang relevan", "Pelatihan Kepemimpinan Pengawas (PKP)",
                "Pernah menduduki jabatan pelaksana paling singkat 4 tahun"
            )
        case .fungsional:
            (
                "S1/D-IV sesuai jabatan fungsional", "Pelatihan fungsional jenjang yang bersangkutan",
                "Sesuai ketentuan jabatan fungsional"
            )
        case .pelaksana:
            ("SLTA/D-III", "Pelatihan teknis sesuai tugas", "Pengalaman di bidang tugas paling singkat 1 tahun")
        }
    }

    static func texts(_ kind: PositionKind) -> [JobAnalysis.Part: String] {
        let lead = [.jpt, .administrator, .pengawas].contains(kind)
        return [
            .materials: lead
                ? "Rencana kerja unit\nLaporan bawahan\nPeraturan perundang-undangan"
                : "Berkas permohonan\nFormulir isian\nData pada aplikasi",
            .tools: "Komputer dan aplikasi kerja\nPrinter\nJaringan internet",
            .responsibilities: lead
                ? "Tercapainya target kinerja unit\nKebenaran laporan yang ditandatangani"
                : "Kebenaran data yang diolah\nKetepatan waktu hasil kerja",
            .authorities: lead
                ? "Membagi tugas kepada bawahan\nMenilai kinerja bawahan" : "Meminta kelengkapan berkas kepada pemohon",
            .correlations: "Atasan langsung: arahan dan laporan\nUnit kerja terkait: koordinasi data",
            .workingConditions: "Di dalam ruangan kantor; melayani tamu pada jam pelayanan",
            .risks: "Kelelahan mata dan punggung karena bekerja lama di depan komputer",
            .requirements: lead
                ? "Pangkat/golongan sesuai jenjang jabatan\nSehat jasmani dan rohani\nMampu memimpin dan mengambil keputusan"
                : "Teliti dan cermat\nMampu mengoperasikan komputer\nBersikap ramah kepada masyarakat",
        ]
    }

    /// FNV-1a of a code: a stable salt per position, so adding one position changes no other.
    static func fnv(_ s: String) -> UInt64 {
        s.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
