/// Does the staff delivering a service meet its standar pelayanan's kompetensi pelaksana and
/// jumlah pelaksana? The competency judgement is `GapAnalysis.analyse`, the same rule as the
/// employee profile and the gap reports: a competency is met when an accepted result reaches the
/// required level; one never assessed is not met (its level is unknown, not assumed).
public enum PelaksanaCompliance {
    /// The standard's competencies this employee does not meet (in the standard's order), each
    /// with the actual level (nil = never assessed). Empty = the employee meets the standard.
    public static func misses(_ required: [PelaksanaCompetency], actual: [String: Int]) -> [GapItem] {
        GapAnalysis.analyse(
            standard: required.map(\.standardItem), actual: actual, formula: .strict, thresholds: .pemetaan
        ).items.filter { $0.status != .memenuhi }
    }

    public static func meets(_ required: [PelaksanaCompetency], actual: [String: Int]) -> Bool {
        misses(required, actual: actual).isEmpty
    }

    /// Over the delivering employees (id → current profile): how many meet it, and who misses what.
    public static func tally<ID: Hashable & Sendable>(_ required: [PelaksanaCompetency], staff: [ID: [String: Int]])
        -> Tally<ID>
    {
        var missing: [ID: [GapItem]] = [:]
        for (id, levels) in staff {
            let m = misses(required, actual: levels)
            if !m.isEmpty { missing[id] = m }
        }
        return Tally(staff: staff.count, meeting: staff.count - missing.count, missing: missing)
    }

    public struct Tally<ID: Hashable & Sendable>: Sendable {
        public let staff: Int
        public let meeting: Int
        /// Only those who miss at least one competency.
        public let missing: [ID: [GapItem]]
    }
}

/// The jumlah pelaksana the standard requires against the employees holding the delivering positions.
public struct StaffingComparison: Sendable, Equatable {
    public let required: Int
    public let holders: Int

    public init(required: Int, holders: Int) {
        self.required = required
        self.holders = holders
    }

    /// 0 means the standard has not set a number yet: nothing to compare against.
    public var isDefined: Bool { required > 0 }
    /// How many more are needed (never negative: a surplus is reported apart).
    public var shortfall: Int { max(0, required - holders) }
    public var surplus: Int { max(0, holders - required) }
    public var isMet: Bool { isDefined && holders >= required }

    /// "5 dari 6 pelaksana yang dibutuhkan (kurang 1)".
    public var label: String {
        guard isDefined else { return "\(holders) pemegang jabatan pelaksana; jumlah yang dibutuhkan belum ditetapkan" }
        let detail =
            shortfall > 0 ? " (kurang \(shortfall))" : surplus > 0 ? " (lebih \(surplus))" : " (sesuai)"
        return "\(holders) dari \(required) pelaksana yang dibutuhkan\(detail)"
    }
}
