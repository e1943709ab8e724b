import Foundation
import KompetenCore

/// Aggregates for a group of people: counts per category, mean JPM (over those assessed), and
/// per competency the gap tally (mean gap over those assessed on it; never assessed = unknown).
struct GapSummary: Sendable {
    let employees: Int
    let withPosition: Int
    let assessed: Int
    let meanJpm: Double?
    let categories: [(key: String, count: Int)]
    let competencies: [(code: String, tally: GapTally)]

    init(persons: [GapEngine.Person], cells: [GapEngine.Cell], thresholds: JPMThresholds) {
        employees = persons.count
        let placed = persons.filter { $0.category != nil }
        withPosition = placed.count
        let assessedPersons = placed.filter { $0.category != JPMThresholds.belumDinilai && $0.jpm != nil }
        assessed = assessedPersons.count
        meanJpm = Stats.mean(assessedPersons.compactMap(\.jpm)).map(GapAnalysis.round2)
        let keys = [thresholds.upperCategory, thresholds.middleCategory, thresholds.lowerCategory, JPMThresholds.belumDinilai]
        var counts: [String: Int] = [:]
        for p in placed { counts[p.category!, default: 0] += 1 }
        categories = keys.map { ($0, counts[$0] ?? 0) }
        var tallies: [String: GapTally] = [:]
        for cell in cells { tallies[cell.competencyCode, default: GapTally()].add(cell.tally) }
        competencies = tallies.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map { ($0, tallies[$0]!) }
    }
}
