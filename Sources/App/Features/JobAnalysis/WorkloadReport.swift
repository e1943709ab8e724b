import Foundation
import KompetenCore

/// The ABK table of a unit as plain values: the page, the export and the API read this one
/// summary, so their totals cannot disagree.
struct WorkloadReport {
    let effectiveHours: Int
    let lines: [JobAnalysisQueries.WorkloadLine]

    /// Totals over the analysed positions only: a position without tugas pokok has no workload,
    /// and counting its holders would show a surplus that is only missing data.
    var analysed: [JobAnalysisQueries.WorkloadLine] { lines.filter(\.analysed) }
    var neededTotal: Double { Double(analysed.reduce(0) { $0 + Int(($1.needed * 100).rounded()) }) / 100 }
    var holdersTotal: Int { analysed.reduce(0) { $0 + $1.holders } }
    var differenceTotal: Double { Workload.difference(needed: neededTotal, holders: holdersTotal) }
    func count(_ s: FormationStatus) -> Int { analysed.filter { $0.status == s }.count }

    func dto(unitID: UUID) throws -> WorkloadDTO {
        WorkloadDTO(
            unitId: unitID, effectiveHours: effectiveHours,
            items: try lines.map { l in
                .init(
                    positionId: try l.position.requireID(), positionCode: l.position.code,
                    positionName: l.position.name, unitId: l.position.unitID, tasks: l.tasks, hours: l.hours,
                    needed: l.needed, holders: l.holders, difference: l.difference,
                    status: l.analysed ? l.status : nil, efficiency: l.analysed ? l.efficiency : nil)
            },
            totals: .init(
                positions: lines.count, analysed: analysed.count, needed: neededTotal, holders: holdersTotal,
                difference: differenceTotal, kurang: count(.kurang), sesuai: count(.sesuai), lebih: count(.lebih)))
    }
}
