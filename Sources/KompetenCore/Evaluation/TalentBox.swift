/// The talent 9-box (PermenPANRB 3/2020, `reference/talenta-9-box.json`): performance across,
/// potential up. Groundwork for issue "Evaluate".
public enum PotentialLevel: String, CaseIterable, Codable, Sendable {
    case rendah, menengah, tinggi
}

public enum PerformanceLevel: String, CaseIterable, Codable, Sendable {
    case diBawah = "di_bawah"
    case sesuai
    case diAtas = "di_atas"

    /// From the SKP predicate: Sangat Baik is above expectation, Baik as expected, anything worse below.
    public init(_ predicate: SKPPredicate) {
        switch predicate {
        case .sangatBaik: self = .diAtas
        case .baik: self = .sesuai
        case .butuhPerbaikan, .kurang, .sangatKurang: self = .diBawah
        }
    }
}

/// Where the potential score (e.g. an assessment result on 0–100) cuts into bands; the cut-offs
/// are settings. A score exactly on a cut-off belongs to the higher band.
public struct PotentialCutoffs: Sendable, Equatable {
    public let menengah: Double
    public let tinggi: Double

    public init?(menengah: Double, tinggi: Double) {
        guard menengah.isFinite, tinggi.isFinite, menengah < tinggi else { return nil }
        self.menengah = menengah
        self.tinggi = tinggi
    }

    public func level(_ score: Double) -> PotentialLevel {
        score >= tinggi ? .tinggi : score >= menengah ? .menengah : .rendah
    }
}

/// The potential axis of the 9-box, measured against the standard of the person's OWN
/// position (issue 15 item 16): the managerial and socio-cultural competencies (PermenPANRB
/// 3/2020 assesses these) the position requires, each result minus its required level, averaged,
/// and placed on a 1–5 scale where 3 means "exactly at the standard". A pelaksana who fully
/// meets the pelaksana standard scores 3 (menengah with the default cut-offs), the same as an
/// administrator at theirs: rank alone no longer makes anyone "rendah". The cut-offs stay
/// settings on this scale.
public enum PotentialScore {
    /// The score of someone exactly at their position's standard.
    public static let atStandard = 3.0
    public static let range = 1.0...5.0

    /// One competency of the position's standard: the current result and the required level.
    public struct Item: Sendable, Equatable {
        public let level: Int, required: Int
        public init(level: Int, required: Int) {
            self.level = level
            self.required = required
        }
    }

    /// Nil without any assessed required competency (no position, no managerial or
    /// socio-cultural standard, or none of them assessed yet): "belum dinilai", never rendah.
    public static func score(_ items: [Item]) -> Double? {
        guard !items.isEmpty else { return nil }
        let mean = Double(items.reduce(0) { $0 + $1.level - $1.required }) / Double(items.count)
        return clamped(atStandard + mean)
    }

    /// The score from the mean difference (result − required), kept on the scale's 1–5.
    public static func clamped(_ x: Double) -> Double { min(range.upperBound, max(range.lowerBound, x)) }

    /// The sentence the talent page shows.
    public static let ruleText =
        "Potensial = 3 + rata-rata (level hasil penilaian − level yang dipersyaratkan jabatan) atas kompetensi manajerial dan sosial kultural dalam standar jabatan pegawai itu sendiri, dalam rentang 1–5: tepat memenuhi standar jabatannya = 3, satu level di atas standar = 4. Jadi pelaksana yang memenuhi standar pelaksana tidak rendah karena jenjangnya."
}

public enum TalentBox {
    /// The box number 1–9 of the grid.
    public static func box(performance: PerformanceLevel, potential: PotentialLevel) -> Int {
        switch (potential, performance) {
        case (.rendah, .diBawah): 1
        case (.rendah, .sesuai): 2
        case (.menengah, .diBawah): 3
        case (.rendah, .diAtas): 4
        case (.menengah, .sesuai): 5
        case (.tinggi, .diBawah): 6
        case (.menengah, .diAtas): 7
        case (.tinggi, .sesuai): 8
        case (.tinggi, .diAtas): 9
        }
    }

    /// Boxes 7–9 form the succession pool for key positions.
    public static let successionPool: Set<Int> = [7, 8, 9]
}

/// Kirkpatrick level 2: the normalised gain of a pre-/post-test, (post − pre) / (max − pre).
public enum LearningGain {
    /// Nil when there was nothing left to gain (pre = max) or the scores are outside 0…max:
    /// such a participant is left out of a programme's mean rather than counted as 0 or 1.
    public static func normalised(pre: Double, post: Double, max: Double) -> Double? {
        guard max > 0, (0...max).contains(pre), (0...max).contains(post), pre < max else { return nil }
        return (post - pre) / (max - pre)
    }
}
