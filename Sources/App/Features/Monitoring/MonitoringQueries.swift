import Fluent
import Foundation
import KompetenCore
import SQLKit

/// The reads behind the monitoring page: the stored history, and the overdue evaluations and
/// re-assessments counted per unit in the database.
enum MonitoringQueries: SQLShorthand {

    static func points(instansiID: UUID, opdIDs: [UUID]?, on db: any Database) async throws -> [MonitoringPoint] {
        var q = MonitoringPoint.query(on: db).filter(\.$instansiID == instansiID)
        if let opdIDs { q = q.filter(\.$opdID ~~ opdIDs) }
        return try await q.sort(\.$asOf).all()
    }

    /// Per date and competency, the gap tallies summed over the OPDs in scope (grouped in SQL:
    /// a hundred rows instead of thousands).
    static func gapTotals(instansiID: UUID, opdIDs: [UUID]?, dates: [String], on db: any Database) async throws
        -> [String: [String: GapTally]]
    {
        // No history yet: nothing to sum (and PostgreSQL refuses an empty `IN ()`).
        guard !dates.isEmpty else { return [:] }
        let sql = try db.sql
        var q = sql.select().column("as_of").column("competency_code")
            .column(SQLFunction("SUM", args: SQLColumn("required")), as: "required").column(
                SQLFunction("SUM", args: SQLColumn("assessed")), as: "assessed"
            )
            .column(SQLFunction("SUM", args: SQLColumn("gap_sum")), as: "gap_sum").column(
                SQLFunction("SUM", args: SQLColumn("with_gap")), as: "with_gap"
            )
            .from(MonitoringGap.schema)
            .where("instansi_id", .equal, SQLBind(instansiID)).where("as_of", .in, SQLBind.group(dates))
        if let opdIDs { q = q.where("opd_id", .in, SQLBind.group(opdIDs)) }
        var out: [String: [String: GapTally]] = [:]
        for r in try await q.groupBy("as_of").groupBy("competency_code").all() {
            out[try r.decode(column: "as_of", as: String.self), default: [:]][
                try r.decode(column: "competency_code", as: String.self)] =
                GapTally(
                    required: try r.integer("required"), assessed: try r.integer("assessed"),
                    gapSum: try r.integer("gap_sum"), withGap: try r.integer("with_gap"))
        }
        return out
    }

    /// Which evaluation is overdue: the supervisor's L3 or the participant's L1.
    enum Overdue: String { case behaviour, reaction }

    /// Completed enrolments whose evaluation is overdue, by unit; `since` bounds how far back
    /// anyone is still asked (EvaluationSchedule.lookBackMonths).
    private static func overdueQuery(
        _ sql: any SQLDatabase, _ kind: Overdue, instansiID: UUID, unitIDs: [UUID]?, today: SimpleDate,
        schedule: EvaluationSchedule
    ) -> SQLSelectBuilder {
        let level = kind == .behaviour ? EvaluationLevel.behaviour : .reaction
        let respondent = kind == .behaviour ? EvaluationRespondent.supervisor : .participant
        // Overdue exactly when `EvaluationSchedule.state` says so (the worklists use it).
        let cutoff = schedule.firstNotOverdue(level, today: today)
        let since = today.adding(months: -EvaluationSchedule.lookBackMonths)
        var q = sql.select().from(alias(Enrolment.schema, "en"))
            .join(
                alias(Employee.schema, "e"), method: SQLJoinMethod.inner, on: col("employee_id", "en"), .equal,
                col("id", "e")
            )
            .join(
                alias(EvaluationRecord.schema, "ev"), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(
                        SQLBinaryExpression(col("enrolment_id", "ev"), .equal, col("id", "en")), .and,
                        SQLBinaryExpression(col("level", "ev"), .equal, SQLBind(level.rawValue))), .and,
                    SQLBinaryExpression(col("respondent", "ev"), .equal, SQLBind(respondent.rawValue)))
            )
            .where(col("instansi_id", "en"), .equal, SQLBind(instansiID))
            .where(col("status", "en"), .equal, SQLBind(EnrolmentStatus.completed.rawValue))
            .where(col("completed_on", "en"), .lessThan, SQLBind(cutoff.iso))
            .where(col("completed_on", "en"), .greaterThanOrEqual, SQLBind(since.iso))
            .where(col("is_active", "e"), .equal, SQLBind(true))
            .where(col("id", "ev"), .is, SQLLiteral.null)
        if kind == .behaviour { q = q.where(col("supervisor_id", "e"), .isNot, SQLLiteral.null) }
        if let unitIDs { q = q.where(col("unit_id", "e"), .in, SQLBind.group(unitIDs)) }
        return q
    }

    static func overdueByUnit(
        _ kind: Overdue, instansiID: UUID, unitIDs: [UUID]?, today: SimpleDate, schedule: EvaluationSchedule,
        on db: any Database
    ) async throws -> [UUID: Int] {
        let sql = try db.sql
        let rows = try await overdueQuery(
            sql, kind, instansiID: instansiID, unitIDs: unitIDs, today: today, schedule: schedule
        )
        .column(col("unit_id", "e"), as: "unit_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
        .groupBy(col("unit_id", "e")).all()
        var out: [UUID: Int] = [:]
        for r in rows { out[try r.decode(column: "unit_id", as: UUID.self)] = try r.integer("n") }
        return out
    }

    struct OverdueRow: Sendable {
        let enrolmentID: UUID, employeeID: UUID, nip: String, name: String, unitID: UUID, supervisorID: UUID?
        let programmeTitle: String, completedOn: String
    }

    static func overdueList(
        _ kind: Overdue, instansiID: UUID, unitIDs: [UUID]?, today: SimpleDate, schedule: EvaluationSchedule,
        page: KompetenCore.PageRequest, on db: any Database
    ) async throws -> (rows: [OverdueRow], total: Int) {
        let sql = try db.sql
        let total =
            try await overdueQuery(
                sql, kind, instansiID: instansiID, unitIDs: unitIDs, today: today, schedule: schedule
            )
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").first()?.integer("n") ?? 0
        let rows = try await overdueQuery(
            sql, kind, instansiID: instansiID, unitIDs: unitIDs, today: today, schedule: schedule
        )
        .join(
            alias(Programme.schema, "p"), method: SQLJoinMethod.inner, on: col("program_id", "en"), .equal,
            col("id", "p")
        )
        .column(col("id", "en"), as: "enrolment_id").column(col("id", "e"), as: "employee_id").column(
            col("nip", "e"), as: "nip"
        )
        .column(col("name", "e"), as: "name").column(col("unit_id", "e"), as: "unit_id").column(
            col("supervisor_id", "e"), as: "supervisor_id"
        )
        .column(col("title", "p"), as: "title").column(col("completed_on", "en"), as: "completed_on")
        .orderBy(col("completed_on", "en")).orderBy(col("name", "e"))
        .limit(page.per).offset(page.offset).all()
        return (
            try rows.map { r in
                OverdueRow(
                    enrolmentID: try r.decode(column: "enrolment_id", as: UUID.self),
                    employeeID: try r.decode(column: "employee_id", as: UUID.self),
                    nip: try r.decode(column: "nip", as: String.self),
                    name: try r.decode(column: "name", as: String.self),
                    unitID: try r.decode(column: "unit_id", as: UUID.self),
                    supervisorID: try r.decode(column: "supervisor_id", as: UUID?.self),
                    programmeTitle: try r.decode(column: "title", as: String.self),
                    completedOn: try r.decode(column: "completed_on", as: String.self))
            }, total
        )
    }

    static func overdueReassessmentsByUnit(instansiID: UUID, unitIDs: [UUID]?, today: SimpleDate, on db: any Database)
        async throws -> [UUID: Int]
    {
        let sql = try db.sql
        var q = sql.select().from(alias(ReassessmentDue.schema, "d"))
            .join(
                alias(Employee.schema, "e"), method: SQLJoinMethod.inner, on: col("employee_id", "d"), .equal,
                col("id", "e")
            )
            .column(col("unit_id", "e"), as: "unit_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .where(col("instansi_id", "d"), .equal, SQLBind(instansiID)).where(
                col("is_active", "e"), .equal, SQLBind(true)
            )
            .where(col("closed_on", "d"), .is, SQLLiteral.null).where(col("due_on", "d"), .lessThan, SQLBind(today.iso))
        if let unitIDs { q = q.where(col("unit_id", "e"), .in, SQLBind.group(unitIDs)) }
        var out: [UUID: Int] = [:]
        for r in try await q.groupBy(col("unit_id", "e")).all() {
            out[try r.decode(column: "unit_id", as: UUID.self)] = try r.integer("n")
        }
        return out
    }

    /// Completed participants per unit in a period (who was trained where: the L4 comparison).
    static func trainedByUnit(instansiID: UUID, unitIDs: [UUID]?, from: String, to: String, on db: any Database)
        async throws -> [UUID: Int]
    {
        let sql = try db.sql
        var q = sql.select().from(alias(Enrolment.schema, "en"))
            .join(
                alias(Employee.schema, "e"), method: SQLJoinMethod.inner, on: col("employee_id", "en"), .equal,
                col("id", "e")
            )
            .column(col("unit_id", "e"), as: "unit_id").column(
                SQLFunction("COUNT", args: SQLDistinct(col("employee_id", "en"))), as: "n"
            )
            .where(col("instansi_id", "en"), .equal, SQLBind(instansiID))
            .where(col("status", "en"), .equal, SQLBind(EnrolmentStatus.completed.rawValue))
            .where(col("completed_on", "en"), .greaterThanOrEqual, SQLBind(from)).where(
                col("completed_on", "en"), .lessThanOrEqual, SQLBind(to))
        if let unitIDs { q = q.where(col("unit_id", "e"), .in, SQLBind.group(unitIDs)) }
        var out: [UUID: Int] = [:]
        for r in try await q.groupBy(col("unit_id", "e")).all() {
            out[try r.decode(column: "unit_id", as: UUID.self)] = try r.integer("n")
        }
        return out
    }
}
