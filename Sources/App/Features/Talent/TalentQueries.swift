import Fluent
import KompetenCore
import SQLKit

/// The 9-box for many people in two grouped reads: each person's potential (the mean counted
/// level of their managerial and socio-cultural competencies) and their SKP predicate of the year.
enum TalentQueries {
    struct Person: Sendable {
        let id: UUID, nip: String, name: String, unitID: UUID, positionID: UUID?
        let potentialScore: Double?
        let predicate: SKPPredicate?
        let box: Int?
    }

    private static func col(_ name: String, _ table: String) -> SQLColumn { SQLColumn(name, table: table) }
    private static func alias(_ table: String, _ name: String) -> SQLAlias { SQLAlias(SQLIdentifier(table), as: SQLIdentifier(name)) }

    static func people(instansiID: UUID, unitIDs: [UUID]?, employeeID: UUID? = nil, year: Int, cutoffs: PotentialCutoffs,
                       on db: any Database) async throws -> [Person] {
        let sql = db as! any SQLDatabase
        func scoped(_ q: SQLSelectBuilder) -> SQLSelectBuilder {
            var q = q.where(col("instansi_id", "e"), .equal, SQLBind(instansiID)).where(col("is_active", "e"), .equal, SQLBind(true))
            if let unitIDs { q = q.where(col("unit_id", "e"), .in, SQLBind.group(unitIDs)) }
            if let employeeID { q = q.where(col("id", "e"), .equal, SQLBind(employeeID)) }
            return q
        }
        let potentialRows = try await scoped(sql.select()
            .column(col("employee_id", "c"), as: "employee_id")
            .column(SQLFunction("SUM", args: col("level", "c")), as: "total")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(alias(CurrentLevel.schema, "c"))
            .join(alias(Employee.schema, "e"), method: SQLJoinMethod.inner, on: col("employee_id", "c"), .equal, col("id", "e"))
            .join(alias(Competency.schema, "k"), method: SQLJoinMethod.inner, on: col("competency_id", "c"), .equal, col("id", "k"))
            .where(col("group", "k"), .in, SQLBind.group([CompetencyGroup.manajerial.rawValue, CompetencyGroup.sosialKultural.rawValue])))
            .groupBy(col("employee_id", "c")).all()
        var potential: [UUID: Double] = [:]
        for row in potentialRows {
            let n = try row.integer("n")
            if n > 0 { potential[try row.decode(column: "employee_id", as: UUID.self)] = Double(try row.integer("total")) / Double(n) }
        }
        let peopleRows = try await scoped(sql.select()
            .column(col("id", "e"), as: "id").column(col("nip", "e"), as: "nip").column(col("name", "e"), as: "name")
            .column(col("unit_id", "e"), as: "unit_id").column(col("position_id", "e"), as: "position_id")
            .column(col("predicate", "r"), as: "predicate")
            .from(alias(Employee.schema, "e"))
            .join(alias(PerformanceRating.schema, "r"), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(SQLBinaryExpression(col("employee_id", "r"), .equal, col("id", "e")), .and,
                                          SQLBinaryExpression(col("year", "r"), .equal, SQLBind(year)))))
            .orderBy(col("name", "e")).all()
        return try peopleRows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let predicate = try row.decode(column: "predicate", as: String?.self).flatMap(SKPPredicate.init(rawValue:))
            let score = potential[id]
            let box = predicate.flatMap { p in score.map { TalentBox.box(performance: PerformanceLevel(p), potential: cutoffs.level($0)) } }
            return Person(id: id, nip: try row.decode(column: "nip", as: String.self), name: try row.decode(column: "name", as: String.self),
                          unitID: try row.decode(column: "unit_id", as: UUID.self), positionID: try row.decode(column: "position_id", as: UUID?.self),
                          potentialScore: score, predicate: predicate, box: box)
        }
    }

    /// The latest year with any SKP rating in the instansi (the grid's default year).
    static func latestYear(instansiID: UUID, on db: any Database) async throws -> Int? {
        try await PerformanceRating.query(on: db).filter(\.$instansiID == instansiID).max(\.$year)
    }
}
