import Fluent
import Foundation
import KompetenCore
import SQLKit

/// Rebuilds the monitoring history of an instansi: the JPM and gap tallies of every OPD at the
/// end of each of the last eight quarters and today, from the whole assessment history
/// (KompetenCore.JPMHistory). Run when the demo is loaded, by BKPPD from the monitoring page,
/// and by `kompeten monitoring-rebuild`; a report then reads a few hundred rows.
enum MonitoringHistory: SQLShorthand {
    static let quarters = 8

    @discardableResult
    static func rebuild(instansiID: UUID, today: SimpleDate, at now: Date, on db: any Database) async throws -> Int {
        let sql = try db.sql
        // The nightly run also re-derives every potential score (a competency may have changed group).
        try await TalentPotential.refresh(instansiID: instansiID, on: db)
        let (formula, _) = try await SettingsQueries.load(instansiID, on: db)
        let opdOf = try Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$instansiID == instansiID).all().map {
                try ($0.requireID(), $0.opdID)
            })
        let codes = try await GapEngine.competencyCodes(instansiID, on: db)

        var standards: [UUID: [StandardItem]] = [:]
        let standardRows = try await sql.select().column(col("position_id", "s"), as: "position_id").column(
            col("competency_id", "s"), as: "competency_id"
        )
        .column(col("required_level", "s"), as: "required")
        .from(alias(PositionStandard.schema, "s"))
        .join(
            alias(Position.schema, "p"), method: SQLJoinMethod.inner, on: col("position_id", "s"), .equal,
            col("id", "p")
        )
        .where(col("instansi_id", "p"), .equal, SQLBind(instansiID)).all()
        for row in standardRows {
            let code = codes[try row.decode(column: "competency_id", as: UUID.self)] ?? "?"
            standards[try row.decode(column: "position_id", as: UUID.self), default: []].append(
                StandardItem(competencyCode: code, required: try row.integer("required")))
        }

        var history: [UUID: [AssessedLevel]] = [:]
        let resultRows = try await sql.select().column(col("employee_id", "a"), as: "employee_id").column(
            col("assessed_on", "a"), as: "assessed_on"
        )
        .column(col("method", "a"), as: "method").column(col("sequence", "a"), as: "sequence")
        .column(col("competency_id", "r"), as: "competency_id").column(col("level", "r"), as: "level")
        .from(alias(AssessmentResult.schema, "r"))
        .join(
            alias(Assessment.schema, "a"), method: SQLJoinMethod.inner, on: col("assessment_id", "r"), .equal,
            col("id", "a")
        )
        .where(col("instansi_id", "a"), .equal, SQLBind(instansiID)).all()
        for row in resultRows {
            guard let date = SimpleDate(iso: try row.decode(column: "assessed_on", as: String.self)),
                let method = AssessmentMethod(rawValue: try row.decode(column: "method", as: String.self))
            else { continue }
            history[try row.decode(column: "employee_id", as: UUID.self), default: []].append(
                AssessedLevel(
                    competencyCode: codes[try row.decode(column: "competency_id", as: UUID.self)] ?? "?",
                    level: try row.integer("level"),
                    date: date, method: method, sequence: try row.integer("sequence")))
        }

        let employees = try await Employee.query(on: db).filter(\.$instansiID == instansiID).filter(\.$isActive == true)
            .filter(\.$positionID != nil).all()
        let people = try employees.compactMap { e -> JPMHistory.Person? in
            guard let opd = opdOf[e.unitID], let position = e.positionID, let standard = standards[position] else {
                return nil
            }
            return try JPMHistory.Person(
                group: opd.uuidString, standard: standard, results: history[e.requireID()] ?? [])
        }
        let dates = JPMHistory.quarterEnds(count: quarters + 1, today: today)
        let points = JPMHistory.points(people, dates: dates, formula: formula)

        var pointRows: [MonitoringPoint] = []
        var gapRows: [MonitoringGap] = []
        for (date, groups) in points {
            for (group, p) in groups {
                guard let opd = UUID(uuidString: group) else { continue }
                let row = MonitoringPoint()
                row.id = UUID()
                row.instansiID = instansiID
                row.asOf = date.iso
                row.opdID = opd
                row.people = p.people
                row.assessed = p.assessed
                row.jpmSum = p.jpmSum
                row.computedAt = now
                pointRows.append(row)
                for (code, t) in p.gaps {
                    let g = MonitoringGap()
                    g.id = UUID()
                    g.instansiID = instansiID
                    g.asOf = date.iso
                    g.opdID = opd
                    g.competencyCode = code
                    g.required = t.required
                    g.assessed = t.assessed
                    g.gapSum = t.gapSum
                    g.withGap = t.withGap
                    gapRows.append(g)
                }
            }
        }
        let (points_, gaps_) = (pointRows, gapRows)
        try await db.transaction { db in
            try await MonitoringGap.query(on: db).filter(\.$instansiID == instansiID).delete()
            try await MonitoringPoint.query(on: db).filter(\.$instansiID == instansiID).delete()
            for chunk in points_.chunked(1000) { try await Array(chunk).create(on: db) }
            for chunk in gaps_.chunked(1000) { try await Array(chunk).create(on: db) }
        }
        return pointRows.count
    }
}
