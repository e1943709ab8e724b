import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The mandatory-training read side: who must follow Latsar/PKP/PKA/PKN II, by when, and whether
/// they did. The people are one join (employees × their position's kind); the completions one
/// query each for catalogue enrolments and verified outside learning; the status comes from the
/// core rule (`MandatoryTraining.judge`) so the page, the export, the dashboard and the API agree.
enum MandatoryTrainingQueries: SQLShorthand {
    struct Item: Sendable {
        let employeeID: UUID
        let nip: String
        let name: String
        let unitID: UUID
        let positionName: String?
        let requirement: MandatoryRequirement
    }

    /// Where to look: an instansi, optionally narrowed to units (an OPD's subtree) or to one person.
    struct Scope: Sendable {
        let instansiID: UUID
        let unitIDs: [UUID]?
        let employeeID: UUID?
    }

    static func items(
        _ scope: Scope, status: MandatoryStatus? = nil, today: SimpleDate, on db: any Database
    ) async throws -> [Item] {
        let deadlines = try await SettingsQueries.mandatory(scope.instansiID, on: db)
        let people = try await candidates(scope, on: db)
        guard !people.isEmpty else { return [] }
        let done = try await completions(of: people.map(\.id), on: db)
        var items: [Item] = []
        for p in people {
            let list = MandatoryTraining.requirements(
                cpnsStart: p.cpnsTMT.flatMap(SimpleDate.init(iso:)),
                positionKind: p.positionKind.flatMap(PositionKind.init(rawValue:)),
                positionStart: p.positionTMT.flatMap(SimpleDate.init(iso:)))
            for r in list {
                let judged = MandatoryTraining.judge(
                    r.kind, start: r.start, months: deadlines.months(r.kind),
                    completedOn: done[Key(employeeID: p.id, kind: r.kind)], today: today)
                if let status, judged.status != status { continue }
                items.append(
                    Item(
                        employeeID: p.id, nip: p.nip, name: p.name, unitID: p.unitID, positionName: p.positionName,
                        requirement: judged))
            }
        }
        // Overdue first, then the nearest deadline: what needs action comes first.
        return items.sorted { a, b in
            let rank: (MandatoryStatus) -> Int = { [.overdue: 0, .due: 1, .done: 2][$0] ?? 3 }
            return (rank(a.requirement.status), a.requirement.dueDate.iso, a.name, a.employeeID.uuidString)
                < (rank(b.requirement.status), b.requirement.dueDate.iso, b.name, b.employeeID.uuidString)
        }
    }

    /// Counts per row unit (an OPD, or a sub-unit under a chosen OPD) for the table and the dashboard.
    static func counts(_ items: [Item], rowOf: (UUID) -> UUID?) -> [UUID: MandatoryTraining.Counts] {
        var byRow: [UUID: MandatoryTraining.Counts] = [:]
        for i in items {
            guard let row = rowOf(i.unitID) else { continue }
            byRow[row, default: .init()].add(i.requirement.status)
        }
        return byRow
    }

    private struct Person {
        let id: UUID, nip: String, name: String, unitID: UUID
        let cpnsTMT: String?, positionTMT: String?, positionKind: String?, positionName: String?
    }

    private struct Key: Hashable {
        let employeeID: UUID
        let kind: MandatoryKind
    }

    /// Active employees with a TMT CPNS, or a TMT jabatan in a position with a leadership training.
    private static func candidates(_ scope: Scope, on db: any Database) async throws -> [Person] {
        let e = "e"
        let p = "p"
        let leadership = PositionKind.allCases.filter { MandatoryKind.forPosition($0) != nil }.map(\.rawValue)
        var q = try db.sql.select()
            .column(col("id", e), as: "id").column(col("nip", e), as: "nip").column(col("name", e), as: "name")
            .column(col("unit_id", e), as: "unit_id").column(col("cpns_tmt", e), as: "cpns_tmt")
            .column(col("position_tmt", e), as: "position_tmt").column(col("kind", p), as: "kind")
            .column(col("name", p), as: "position_name")
            .from(alias(Employee.schema, e))
            .join(
                alias(Position.schema, p), method: SQLJoinMethod.left, on: col("id", p), .equal, col("position_id", e)
            )
            .where(col("instansi_id", e), .equal, SQLBind(scope.instansiID))
            .where(col("is_active", e), .equal, SQLBind(true))
            .where(
                SQLGroupExpression(
                    SQLBinaryExpression(
                        SQLBinaryExpression(col("cpns_tmt", e), .isNot, SQLLiteral.null), .or,
                        SQLBinaryExpression(
                            SQLBinaryExpression(col("position_tmt", e), .isNot, SQLLiteral.null), .and,
                            SQLBinaryExpression(col("kind", p), .in, SQLBind.group(leadership))))))
        if let units = scope.unitIDs { q = q.where(col("unit_id", e), .in, SQLBind.group(units)) }
        if let id = scope.employeeID { q = q.where(col("id", e), .equal, SQLBind(id)) }
        return try await q.orderBy(col("name", e)).all().map { row in
            Person(
                id: try row.decode(column: "id", as: UUID.self), nip: try row.decode(column: "nip", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                cpnsTMT: try row.decode(column: "cpns_tmt", as: String?.self),
                positionTMT: try row.decode(column: "position_tmt", as: String?.self),
                positionKind: try row.decode(column: "kind", as: String?.self),
                positionName: try row.decode(column: "position_name", as: String?.self))
        }
    }

    /// The earliest completion of each kind per person: a completed enrolment in a programme
    /// marked with the kind, or verified outside learning of that kind (its end date).
    private static func completions(of employees: [UUID], on db: any Database) async throws -> [Key: SimpleDate] {
        var result: [Key: SimpleDate] = [:]
        func note(_ id: UUID, _ kind: String, _ date: String?) {
            guard let k = MandatoryKind(rawValue: kind), let d = date.flatMap(SimpleDate.init(iso:)) else { return }
            let key = Key(employeeID: id, kind: k)
            if let old = result[key], old <= d { return }
            result[key] = d
        }
        let n = "n"
        let g = "g"
        let l = "l"
        for chunk in employees.chunked(500) {
            let enrolled = try await db.sql.select()
                .column(col("employee_id", n), as: "employee_id").column(col("mandatory_kind", g), as: "kind")
                .column(col("completed_on", n), as: "on")
                .from(alias(Enrolment.schema, n))
                .join(
                    alias(Programme.schema, g), method: SQLJoinMethod.inner, on: col("id", g), .equal,
                    col("program_id", n)
                )
                .where(col("status", n), .equal, SQLBind(EnrolmentStatus.completed.rawValue))
                .where(col("mandatory_kind", g), .isNot, SQLLiteral.null)
                .where(col("employee_id", n), .in, SQLBind.group(Array(chunk)))
                .all()
            for row in enrolled {
                note(
                    try row.decode(column: "employee_id", as: UUID.self),
                    try row.decode(column: "kind", as: String.self),
                    try row.decode(column: "on", as: String?.self))
            }
            let learned = try await db.sql.select()
                .column(col("employee_id", l), as: "employee_id").column(col("mandatory_kind", l), as: "kind")
                .column(col("end_date", l), as: "on")
                .from(alias(LearningRecord.schema, l))
                .where(col("status", l), .equal, SQLBind(LearningStatus.verified.rawValue))
                .where(col("mandatory_kind", l), .isNot, SQLLiteral.null)
                .where(col("employee_id", l), .in, SQLBind.group(Array(chunk)))
                .all()
            for row in learned {
                note(
                    try row.decode(column: "employee_id", as: UUID.self),
                    try row.decode(column: "kind", as: String.self),
                    try row.decode(column: "on", as: String?.self))
            }
        }
        return result
    }
}
