import Foundation
import KompetenCore

/// Aggregates for a group of employees: counts per category, mean JPM, and per competency the
/// mean gap and how many people fall short. Means are over people assessed on it: someone
/// never assessed has an unknown gap, shown separately as "belum dinilai".
struct GapSummary: Sendable {
    struct CompetencyLine: Sendable { let code: String; let meanGap: Double?; let employeesWithGap: Int; let assessed: Int; let required: Int }
    let employees: Int
    let withPosition: Int
    let assessed: Int
    let meanJpm: Double?
    let categories: [(key: String, count: Int)]
    let competencies: [CompetencyLine]

    init(_ rows: [GapEngine.Row], thresholds: JPMThresholds) {
        employees = rows.count
        let results = rows.compactMap(\.result)
        withPosition = results.count
        let assessedResults = results.filter { $0.category != JPMThresholds.belumDinilai && $0.jpm != nil }
        assessed = assessedResults.count
        meanJpm = Stats.mean(assessedResults.compactMap(\.jpm)).map(GapAnalysis.round2)
        let keys = [thresholds.upperCategory, thresholds.middleCategory, thresholds.lowerCategory, JPMThresholds.belumDinilai]
        categories = keys.map { key in (key, results.filter { $0.category == key }.count) }
        var gaps: [String: [Int]] = [:], required: [String: Int] = [:]
        for result in results {
            for item in result.items {
                required[item.competencyCode, default: 0] += 1
                if let gap = item.gap { gaps[item.competencyCode, default: []].append(gap) }
            }
        }
        competencies = required.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map { code in
            let list = gaps[code] ?? []
            return CompetencyLine(code: code, meanGap: Stats.mean(list.map(Double.init)).map(GapAnalysis.round2),
                                  employeesWithGap: list.filter { $0 > 0 }.count, assessed: list.count, required: required[code] ?? 0)
        }
    }
}
