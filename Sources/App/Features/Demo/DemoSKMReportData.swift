import Fluent
import Foundation
import KompetenCore
import KompetenDemo

/// The demo Disdukcapil's SKM report of the previous quarter: its follow-up table
/// (`DemoSKMFollowUp`) and the report published with its snapshot, as the unit would have done.
enum DemoSKMReportData {
    static func write(instansiID: UUID, written: DemoLoader.Written, now: Date, on db: any Database) async throws {
        guard let unitID = written.unitIDs[DemoSKMFollowUp.unitCode], let unit = try await Unit.find(unitID, on: db)
        else { return }
        let plan = DemoSKMFollowUp.plan(today: DemoEvaluateData.demoToday)
        for (i, r) in plan.rows.enumerated() {
            let row = SKMReport.Action(
                id: nil, element: r.element, action: r.action, due: r.due.iso, responsible: r.responsible,
                status: r.status.rawValue)
            try await SKMFollowUpAction(
                row, position: i, instansiID: instansiID, unitID: unitID, from: plan.from, to: plan.to, by: nil, at: now
            ).create(on: db)
        }
        let period = SKMPeriod(dates: ServicePeriod(from: plan.from, to: plan.to), kind: .quarter)
        let report = try await SKMReportQueries.load(scope: try await .of(unit, on: db), period: period, on: db)
        let record = SKMReportRecord()
        record.id = UUID()
        record.instansiID = instansiID
        record.unitID = unitID
        record.periodFrom = plan.from.iso
        record.periodTo = plan.to.iso
        record.state = SKMReportRecord.published
        record.snapshot = String(decoding: try JSONEncoder().encode(report.asPublished(at: now)), as: UTF8.self)
        record.publishedAt = now
        try await record.create(on: db)
    }
}
