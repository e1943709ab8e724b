/// The talent 9-box (PermenPANRB 3/2020, `reference/talenta-9-box.json`): performance across,
/// potential up. Groundwork for issue "Evaluate".
public enum PotentialLevel: String, CaseIterable, Codable, Sendable {
    case rendah, menengah, tinggi
}

public enum PerformanceLevel: String, CaseIterable, Codable, Sendable {
    case diBawah = "di_bawah", sesuai, diAtas = "di_atas"

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
        self.menengah = menengah; self.tinggi = tinggi
    }

    public func level(_ score: Double) -> PotentialLevel {
        score >= tinggi ? .tinggi : score >= menengah ? .menengah : .rendah
    }
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
