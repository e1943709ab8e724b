import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The needs that are not competency gaps (PP 11/2017 Ps 206): an SKP predicate below Baik in
/// the appraisal year before the plan year (`kinerja`), and a mandatory training not yet followed
/// (`pelatihan wajib`), and the gap to a person's jabatan tujuan (set from a successor list).
/// All are few per OPD, so they are read whole; the core rule (`SourcedNeed`) decides what counts.
enum TNASourceQueries: SQLShorthand {
    struct Row: Sendable {
        let employeeID: UUID
        let nip: String
        let name: String
        let unitID: UUID
        let need: SourcedNeed
    }

    static func needs(
        instansiID: UUID, unitIDs: [UUID]?, planYear: Int, today: SimpleDate, on db: any Database
    ) async throws -> [Row] {
        let e = "e"
        let r = "r"
        let below = SKPPredicate.allCases.filter(\.needsDevelopment).map(\.rawValue)
        let appraisalYear = planYear - 1
        var q = try db.sql.select()
            .column(col("id", e), as: "id").column(col("nip", e), as: "nip").column(col("name", e), as: "name")
            .column(col("unit_id", e), as: "unit_id").column(col("predicate", r), as: "predicate")
            .from(alias(PerformanceRating.schema, r))
            .join(
                alias(Employee.schema, e), method: SQLJoinMethod.inner, on: col("id", e), .equal, col("employee_id", r)
            )
            .where(col("instansi_id", e), .equal, SQLBind(instansiID))
            .where(col("is_active", e), .equal, SQLBind(true))
            .where(col("year", r), .equal, SQLBind(appraisalYear))
            .where(col("predicate", r), .in, SQLBind.group(below))
        if let unitIDs { q = q.where(col("unit_id", e), .in, SQLBind.group(unitIDs)) }
        var rows: [Row] = []
        for row in try await q.all() {
            guard let predicate = SKPPredicate(rawValue: try row.decode(column: "predicate", as: String.self)) else {
                continue
            }
            let id = try row.decode(column: "id", as: UUID.self)
            guard let need = SourcedNeed.performance(employee: id.uuidString, year: appraisalYear, predicate: predicate)
            else { continue }
            rows.append(
                Row(
                    employeeID: id, nip: try row.decode(column: "nip", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    unitID: try row.decode(column: "unit_id", as: UUID.self), need: need))
        }
        let mandatory = try await MandatoryTrainingQueries.items(
            .init(instansiID: instansiID, unitIDs: unitIDs, employeeID: nil), today: today, on: db)
        for i in mandatory {
            guard let need = SourcedNeed.mandatory(employee: i.employeeID.uuidString, requirement: i.requirement)
            else { continue }
            rows.append(Row(employeeID: i.employeeID, nip: i.nip, name: i.name, unitID: i.unitID, need: need))
        }
        // Jabatan tujuan: the gap to the target, with the thresholds of pengisian jabatan.
        var targeted = Employee.query(on: db).filter(\.$instansiID == instansiID).filter(\.$isActive == true)
            .filter(\.$targetPositionID != nil)
        if let unitIDs { targeted = targeted.filter(\.$unitID ~~ unitIDs) }
        let people = try await targeted.all()
        let targetNames = Dictionary(
            uniqueKeysWithValues: try await Position.query(on: db)
                .filter(\.$id ~~ Set(people.compactMap(\.targetPositionID))).all().map { (try $0.requireID(), $0.name) }
        )
        for e in people {
            guard let target = e.targetPositionID, let name = targetNames[target],
                let gap = try await GapEngine.employee(e, against: target, on: db)
            else { continue }
            let id = try e.requireID()
            for need in SourcedNeed.target(employee: id.uuidString, positionName: name, gaps: gap.items) {
                rows.append(Row(employeeID: id, nip: e.nip, name: e.name, unitID: e.unitID, need: need))
            }
        }
        return rows.sorted {
            ($0.name, $0.employeeID.uuidString, $0.need.source.rawValue, $0.need.subject)
                < ($1.name, $1.employeeID.uuidString, $1.need.source.rawValue, $1.need.subject)
        }
    }
}
