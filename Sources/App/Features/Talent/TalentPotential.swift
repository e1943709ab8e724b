import Fluent
import Foundation
import KompetenCore
import SQLKit

/// Keeps `employees.potential_score` in step with the current profiles and the standards of the
/// people's positions (`KompetenCore.PotentialScore`: 3 + the mean of result − required over the
/// managerial and socio-cultural competencies of the person's own position's standard, kept in
/// 1–5), so the 9-box of a whole city is one grouped read instead of averaging ~60,000 profile
/// rows per request. Rewritten whenever an input changes: the profile (one assessment, an
/// import), a position's standard (form, bulk, copy, import), an employee's position (form, PUT,
/// import), the demo, and the nightly monitoring rebuild.
enum TalentPotential {
    /// The competencies that measure potential (PermenPANRB 3/2020 assesses managerial and
    /// socio-cultural competency, not the technical ones of the current post).
    static func competencyIDs(instansiID: UUID, on db: any Database) async throws -> [UUID] {
        try await Competency.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$group ~~ [CompetencyGroup.manajerial.rawValue, CompetencyGroup.sosialKultural.rawValue]).all(
                \.$id)
    }

    /// Which employees to rewrite.
    enum Scope { case all, employees([UUID]), positions([UUID]) }

    static func refresh(instansiID: UUID, employeeIDs: [UUID]? = nil, on db: any Database) async throws {
        try await refresh(instansiID: instansiID, scope: employeeIDs.map { .employees($0) } ?? .all, on: db)
    }

    /// The holders of these positions (after their standard changed).
    static func refresh(instansiID: UUID, positionIDs: [UUID], on db: any Database) async throws {
        guard !positionIDs.isEmpty else { return }
        try await refresh(instansiID: instansiID, scope: .positions(positionIDs), on: db)
    }

    /// One UPDATE with a correlated mean per employee, then the clamp to the scale (two
    /// conditional UPDATEs: LEAST/GREATEST are not portable between SQLite and PostgreSQL).
    static func refresh(instansiID: UUID, scope: Scope, on db: any Database) async throws {
        let sql = try db.sql
        let ids = try await competencyIDs(instansiID: instansiID, on: db)
        let e = Employee.schema
        // Mean of (result − required) over the person's own position's standard.
        let meanDifference = SQLSubquery.select { q in
            q.column(
                SQLFunction(
                    "AVG",
                    args: SQLBinaryExpression(
                        SQLColumn("level", table: "c"), .subtract, SQLColumn("required_level", table: "s")))
            )
            .from(SQLAlias(SQLIdentifier(CurrentLevel.schema), as: SQLIdentifier("c")))
            .join(
                SQLAlias(SQLIdentifier(PositionStandard.schema), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                on: SQLColumn("competency_id", table: "s"), .equal, SQLColumn("competency_id", table: "c")
            )
            .where(SQLColumn("employee_id", table: "c"), .equal, SQLColumn("id", table: e))
            .where(SQLColumn("position_id", table: "s"), .equal, SQLColumn("position_id", table: e))
            .where(SQLColumn("competency_id", table: "c"), .in, SQLBind.group(ids.isEmpty ? [UUID()] : ids))
        }
        let score = SQLBinaryExpression(SQLBind(PotentialScore.atStandard), .add, meanDifference)
        let chunks: [(String, [UUID])?]
        switch scope {
        case .all: chunks = [nil]
        case .employees(let list): chunks = list.chunked(500).map { ("id", Array($0)) }
        case .positions(let list): chunks = list.chunked(500).map { ("position_id", Array($0)) }
        }
        for chunk in chunks {
            func scoped<Q: SQLPredicateBuilder>(_ q: Q) -> Q {
                q.where(SQLColumn("instansi_id", table: e), .equal, SQLBind(instansiID))
                if let (column, values) = chunk { q.where(SQLColumn(column, table: e), .in, SQLBind.group(values)) }
                return q
            }
            try await scoped(sql.update(e).set(SQLIdentifier("potential_score"), to: score)).run()
            try await scoped(
                sql.update(e).set(SQLIdentifier("potential_score"), to: SQLBind(PotentialScore.range.upperBound))
            )
            .where(SQLColumn("potential_score", table: e), .greaterThan, SQLBind(PotentialScore.range.upperBound)).run()
            try await scoped(
                sql.update(e).set(SQLIdentifier("potential_score"), to: SQLBind(PotentialScore.range.lowerBound))
            )
            .where(SQLColumn("potential_score", table: e), .lessThan, SQLBind(PotentialScore.range.lowerBound)).run()
        }
    }
}
