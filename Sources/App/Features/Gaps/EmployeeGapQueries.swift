import Fluent
import KompetenCore
import SQLKit
import Vapor

/// One employee's gap against the position held, in a single statement: the employee (scoped to
/// the instansi), the OPD the access rule needs, the instansi's JPM settings and the position's
/// standard beside the person's current levels. The API's most frequent read; before, it took
/// four statements (employee, unit, settings, standard). Nothing is cached, so a settings change
/// through any instance shows on the next request everywhere.
enum EmployeeGapQueries: SQLShorthand {
    struct Loaded: Sendable {
        let employeeID: UUID
        let instansiID: UUID
        let opdID: UUID?
        let positionID: UUID?
        let supervisorID: UUID?
        let formula: JPMFormula
        let thresholds: JPMThresholds
        /// (competency code, required level, current level) per row of the standard.
        let rows: [(code: String, required: Int, level: Int?)]
    }

    private static let e = "e", u = "u", st = "st", s = "s", k = "k", c = "c"

    /// nil when no employee with this id belongs to the instansi.
    static func load(_ id: UUID, instansiID: UUID, on db: any Database) async throws -> Loaded? {
        let rows = try await db.sql.select()
            .column(col("instansi_id", e), as: "instansi_id").column(col("position_id", e), as: "position_id")
            .column(col("supervisor_id", e), as: "supervisor_id").column(col("opd_id", u), as: "opd_id")
            .column(col("jpm_formula", st), as: "jpm_formula").column(col("jpm_purpose", st), as: "jpm_purpose")
            .column(col("code", k), as: "code").column(col("required_level", s), as: "required")
            .column(col("level", c), as: "level")
            .from(alias(Employee.schema, e))
            .join(alias(Unit.schema, u), method: SQLJoinMethod.left, on: col("unit_id", e), .equal, col("id", u))
            .join(
                alias(InstansiSettings.schema, st), method: SQLJoinMethod.left, on: col("instansi_id", st), .equal,
                col("instansi_id", e)
            )
            .join(
                alias(PositionStandard.schema, s), method: SQLJoinMethod.left, on: col("position_id", s), .equal,
                col("position_id", e)
            )
            .join(
                alias(Competency.schema, k), method: SQLJoinMethod.left, on: col("competency_id", s), .equal,
                col("id", k)
            )
            .join(
                alias(CurrentLevel.schema, c), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(col("competency_id", c), .equal, col("competency_id", s)), .and,
                    SQLBinaryExpression(col("employee_id", c), .equal, col("id", e)))
            )
            .where(col("id", e), .equal, SQLBind(id))
            .where(col("instansi_id", e), .equal, SQLBind(instansiID))
            .all()
        guard let first = rows.first else { return nil }
        func uuid(_ column: String) throws -> UUID? {
            try first.decodeNil(column: column) ? nil : try first.decode(column: column, as: UUID.self)
        }
        // No settings row: the defaults, as SettingsQueries.load gives them.
        let formula =
            try first.decodeNil(column: "jpm_formula") ? nil : try first.decode(column: "jpm_formula", as: String.self)
        let purpose =
            try first.decodeNil(column: "jpm_purpose") ? nil : try first.decode(column: "jpm_purpose", as: String.self)
        var standard: [(code: String, required: Int, level: Int?)] = []
        for row in rows where !(try row.decodeNil(column: "code")) {
            standard.append(
                (
                    code: try row.decode(column: "code", as: String.self), required: try row.integer("required"),
                    level: try row.decodeNil(column: "level") ? nil : try row.integer("level")
                ))
        }
        return Loaded(
            employeeID: id, instansiID: try first.decode(column: "instansi_id", as: UUID.self),
            opdID: try uuid("opd_id"),
            positionID: try uuid("position_id"), supervisorID: try uuid("supervisor_id"),
            formula: formula.flatMap(JPMFormula.init(rawValue:)) ?? .capped,
            thresholds: purpose.flatMap(JPMThresholds.named) ?? .pemetaan, rows: standard)
    }
}
