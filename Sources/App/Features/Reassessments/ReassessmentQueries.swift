import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The re-assessment worklist: dues joined with the person, the competency and the training,
/// filtered and paged in the database.
enum ReassessmentQueries: SQLShorthand {
    enum Status: String, CaseIterable {
        case overdue, open, upcoming, closed
        var label: String {
            switch self {
            case .overdue: "Lewat jatuh tempo"
            case .open: "Belum dinilai (semua)"
            case .upcoming: "Jatuh tempo 30 hari ke depan"
            case .closed: "Sudah dinilai ulang"
            }
        }
    }

    struct Row: Sendable {
        let dueID: UUID, employeeID: UUID, nip: String, name: String, unitID: UUID
        let competencyCode: String, competencyName: String, programmeCode: String, completedOn: String, dueOn: String
        let closedOn: String?, levelBefore: Int?, levelAfter: Int?
    }

    private static func base(
        _ sql: any SQLDatabase, instansiID: UUID, unitIDs: [UUID]?, status: Status, today: SimpleDate
    ) -> SQLSelectBuilder {
        var q = sql.select().from(alias(ReassessmentDue.schema, "d"))
            .join(
                alias(Employee.schema, "e"), method: SQLJoinMethod.inner, on: col("employee_id", "d"), .equal,
                col("id", "e")
            )
            .where(col("instansi_id", "d"), .equal, SQLBind(instansiID))
            .where(col("is_active", "e"), .equal, SQLBind(true))
        if let unitIDs { q = q.where(col("unit_id", "e"), .in, SQLBind.group(unitIDs)) }
        switch status {
        case .closed: q = q.where(col("closed_on", "d"), .isNot, SQLLiteral.null)
        case .open: q = q.where(col("closed_on", "d"), .is, SQLLiteral.null)
        case .overdue:
            q = q.where(col("closed_on", "d"), .is, SQLLiteral.null).where(
                col("due_on", "d"), .lessThan, SQLBind(today.iso))
        case .upcoming:
            q = q.where(col("closed_on", "d"), .is, SQLLiteral.null)
                .where(col("due_on", "d"), .greaterThanOrEqual, SQLBind(today.iso))
                .where(col("due_on", "d"), .lessThanOrEqual, SQLBind(today.adding(days: 30).iso))
        }
        return q
    }

    static func count(instansiID: UUID, unitIDs: [UUID]?, status: Status, today: SimpleDate, on db: any Database)
        async throws -> Int
    {
        let sql = try db.sql
        let row = try await base(sql, instansiID: instansiID, unitIDs: unitIDs, status: status, today: today)
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").first()
        return try row?.integer("n") ?? 0
    }

    static func page(
        instansiID: UUID, unitIDs: [UUID]?, status: Status, today: SimpleDate, page: KompetenCore.PageRequest,
        on db: any Database
    ) async throws -> [Row] {
        let sql = try db.sql
        let rows = try await base(sql, instansiID: instansiID, unitIDs: unitIDs, status: status, today: today)
            .join(
                alias(Competency.schema, "k"), method: SQLJoinMethod.inner, on: col("competency_id", "d"), .equal,
                col("id", "k")
            )
            .join(
                alias(Enrolment.schema, "en"), method: SQLJoinMethod.inner, on: col("enrolment_id", "d"), .equal,
                col("id", "en")
            )
            .join(
                alias(Programme.schema, "p"), method: SQLJoinMethod.inner, on: col("program_id", "en"), .equal,
                col("id", "p")
            )
            .column(col("id", "d"), as: "due_id").column(col("id", "e"), as: "employee_id").column(
                col("nip", "e"), as: "nip"
            )
            .column(col("name", "e"), as: "name").column(col("unit_id", "e"), as: "unit_id")
            .column(col("code", "k"), as: "competency_code").column(col("name", "k"), as: "competency_name")
            .column(col("code", "p"), as: "programme_code").column(col("completed_on", "en"), as: "completed_on")
            .column(col("due_on", "d"), as: "due_on").column(col("closed_on", "d"), as: "closed_on")
            .column(col("level_before", "d"), as: "level_before").column(col("level_after", "d"), as: "level_after")
            .orderBy(
                SQLOrderBy(
                    expression: col(status == .closed ? "closed_on" : "due_on", "d"),
                    direction: status == .closed ? SQLDirection.descending : SQLDirection.ascending)
            )
            .orderBy(col("name", "e")).orderBy(col("code", "k"))
            .limit(page.per).offset(page.offset)
            .all()
        return try rows.map { r in
            Row(
                dueID: try r.decode(column: "due_id", as: UUID.self),
                employeeID: try r.decode(column: "employee_id", as: UUID.self),
                nip: try r.decode(column: "nip", as: String.self), name: try r.decode(column: "name", as: String.self),
                unitID: try r.decode(column: "unit_id", as: UUID.self),
                competencyCode: try r.decode(column: "competency_code", as: String.self),
                competencyName: try r.decode(column: "competency_name", as: String.self),
                programmeCode: try r.decode(column: "programme_code", as: String.self),
                completedOn: try r.decode(column: "completed_on", as: String?.self) ?? "",
                dueOn: try r.decode(column: "due_on", as: String.self),
                closedOn: try r.decode(column: "closed_on", as: String?.self),
                levelBefore: try r.decodeNil(column: "level_before") ? nil : try r.integer("level_before"),
                levelAfter: try r.decodeNil(column: "level_after") ? nil : try r.integer("level_after"))
        }
    }
}
