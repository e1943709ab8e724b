import Foundation
import KompetenCore

/// Aggregates for a group of people: counts per category, mean JPM (KompetenCore's `JPMMean`:
/// over those assessed, the unassessed counted beside it), and per competency the gap tally
/// (mean shortfall and share below standard over those assessed on it; never assessed = unknown).
struct GapSummary: Sendable {
    let employees: Int
    let withPosition: Int
    let assessed: Int
    /// People with a standard and no result: their match is unknown, not 0.
    let unassessed: Int
    let meanJpm: Double?
    let categories: [(key: JPMCategory, count: Int)]
    let competencies: [(code: String, tally: GapTally)]

    init(persons: [GapEngine.Person], cells: [GapEngine.Cell], thresholds: JPMThresholds) {
        employees = persons.count
        let placed = persons.filter { $0.category != nil }
        withPosition = placed.count
        var mean = JPMMean()
        for p in placed { mean.add(jpm: p.jpm, assessedCount: p.assessed) }
        assessed = mean.assessed
        unassessed = mean.unassessed
        meanJpm = mean.mean
        var counts: [JPMCategory: Int] = [:]
        for p in placed { counts[p.category!, default: 0] += 1 }
        categories = thresholds.categories.map { ($0, counts[$0] ?? 0) }
        var tallies: [String: GapTally] = [:]
        for cell in cells { tallies[cell.competencyCode, default: GapTally()].add(cell.tally) }
        competencies = tallies.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map {
            ($0, tallies[$0]!)
        }
    }
}
