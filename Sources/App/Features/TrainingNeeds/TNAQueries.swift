import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The needs analysis read side: everyone below standard, in one joined query, and the active
/// catalogue as `TrainingNeeds` sees it.
enum TNAQueries {
    struct NeedRow: Sendable {
        let employeeID: UUID, nip: String, name: String, unitID: UUID, kind: String
        let competencyID: UUID, competencyCode: String, required: Int, actual: Int?
        var gap: Int { required - (actual ?? 0) }
    }

    /// Active employees whose current level is below their position's standard (never assessed
    /// counts as 0, as for JPM), ordered by name then competency code.
    static func needs(instansiID: UUID, unitIDs: [UUID]?, employeeID: UUID? = nil, on db: any Database) async throws -> [NeedRow] {
        let sql = db as! any SQLDatabase
        let e = "e", s = "s", c = "c", k = "k"
        func col(_ n: String, _ t: String) -> SQLColumn { SQLColumn(n, table: t) }
        func alias(_ table: String, _ name: String) -> SQLAlias { SQLAlias(SQLIdentifier(table), as: SQLIdentifier(name)) }
        var q = sql.select()
            .column(col("id", e), as: "employee_id").column(col("nip", e), as: "nip").column(col("name", e), as: "name")
            .column(col("unit_id", e), as: "unit_id").column(col("employment_type", e), as: "kind")
            .column(col("competency_id", s), as: "competency_id").column(col("code", k), as: "code")
            .column(col("required_level", s), as: "required").column(col("level", c), as: "level")
            .from(alias(Employee.schema, e))
            .join(alias(PositionStandard.schema, s), method: SQLJoinMethod.inner, on: col("position_id", s), .equal, col("position_id", e))
            .join(alias(Competency.schema, k), method: SQLJoinMethod.inner, on: col("id", k), .equal, col("competency_id", s))
            .join(alias(CurrentLevel.schema, c), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(SQLBinaryExpression(col("employee_id", c), .equal, col("id", e)), .and,
                                          SQLBinaryExpression(col("competency_id", c), .equal, col("competency_id", s))))
            .where(col("instansi_id", e), .equal, SQLBind(instansiID))
            .where(col("is_active", e), .equal, SQLBind(true))
            .where(SQLGroupExpression(SQLBinaryExpression(SQLIsNull(expression: col("level", c)), .or,
                                                          SQLBinaryExpression(col("level", c), .lessThan, col("required_level", s)))))
        if let unitIDs { q = q.where(col("unit_id", e), .in, SQLBind.group(unitIDs)) }
        if let employeeID { q = q.where(col("id", e), .equal, SQLBind(employeeID)) }
        let rows = try await q.orderBy(col("name", e)).orderBy(col("id", e)).orderBy(col("code", k)).all()
        return try rows.map { row in
            NeedRow(employeeID: try row.decode(column: "employee_id", as: UUID.self), nip: try row.decode(column: "nip", as: String.self),
                    name: try row.decode(column: "name", as: String.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                    kind: try row.decode(column: "kind", as: String.self),
                    competencyID: try row.decode(column: "competency_id", as: UUID.self), competencyCode: try row.decode(column: "code", as: String.self),
                    required: try JPQueries.sumColumn(row, "required"),
                    actual: try row.decodeNil(column: "level") ? nil : try JPQueries.sumColumn(row, "level"))
        }.filter { $0.gap > 0 }
    }

    struct Catalogue: Sendable {
        let analysis: TrainingNeeds
        let programmes: [UUID: Programme]
        let raises: [UUID: [RaiseDTO]]
    }

    /// The active programmes with what they raise.
    static func catalogue(instansiID: UUID, on db: any Database) async throws -> Catalogue {
        let programmes = try await Programme.query(on: db).filter(\.$instansiID == instansiID).filter(\.$isActive == true).all()
        let raises = try await ProgrammeService.raises(of: programmes.map { $0.id! }, on: db)
        let analysis = TrainingNeeds(programmes: programmes.map { p in
            NeedProgramme(id: p.id!.uuidString, costPerParticipant: p.costPerParticipant,
                          raises: Dictionary((raises[p.id!] ?? []).map { ($0.competencyCode, $0.levelGain) }, uniquingKeysWith: max))
        })
        return Catalogue(analysis: analysis, programmes: Dictionary(uniqueKeysWithValues: programmes.map { ($0.id!, $0) }), raises: raises)
    }
}
