import Foundation

/// "Perlu asesmen": the competencies of a person's standard that have no accepted result.
/// Their gap is unknown — not a gap of the whole required level — so they are no training need
/// (`TrainingNeeds.needs` takes known levels only) and no plan spends money on them; they need
/// an assessment first. This is their own list: per person the competencies, and since when the
/// standard has applied to them without a result (appointment to the position), oldest first.
public struct AssessmentNeed: Sendable, Equatable {
    public let employee: String
    public let name: String
    /// Codes of the standard's competencies without an accepted result, in the standard's order.
    public let competencies: [String]
    /// Since when the person has held the position whose standard names them.
    public let since: Date

    public init(employee: String, name: String, competencies: [String], since: Date) {
        self.employee = employee
        self.name = name
        self.competencies = competencies
        self.since = since
    }
}

public enum AssessmentNeeds {
    /// The competencies of one person's gap analysis that were never assessed by a method that
    /// counts (self-ratings never do): exactly the items `GapAnalysis` reports `belum_dinilai`.
    public static func unknownCompetencies(_ gap: GapResult) -> [String] {
        gap.items.filter { $0.actual == nil }.map(\.competencyCode)
    }

    /// One person's assessment need, or nil when every competency of the standard is known.
    public static func need(employee: String, name: String, gap: GapResult, since: Date) -> AssessmentNeed? {
        let unknown = unknownCompetencies(gap)
        return unknown.isEmpty
            ? nil : AssessmentNeed(employee: employee, name: name, competencies: unknown, since: since)
    }

    /// Oldest first (the longest without a result), then by name and id for a stable order.
    public static func precedes(_ a: AssessmentNeed, _ b: AssessmentNeed) -> Bool {
        (a.since, a.name, a.employee) < (b.since, b.name, b.employee)
    }

    /// How many people of a unit (an OPD) need an assessment, and how many of them per competency.
    public struct UnitTally: Sendable, Equatable {
        public var people = 0
        public var byCompetency: [String: Int] = [:]
        public init(people: Int = 0, byCompetency: [String: Int] = [:]) {
            self.people = people
            self.byCompetency = byCompetency
        }

        public mutating func add(_ need: AssessmentNeed) {
            people += 1
            for code in Set(need.competencies) { byCompetency[code, default: 0] += 1 }
        }
        /// Sums of disjoint groups of people (the units of one OPD): each person is in one unit.
        public mutating func add(_ other: UnitTally) {
            people += other.people
            byCompetency.merge(other.byCompetency, uniquingKeysWith: +)
        }
    }
}
