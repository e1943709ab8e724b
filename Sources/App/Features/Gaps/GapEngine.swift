import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Gaps and JPM for many employees at once. The database sums per person (Σ required,
/// Σ actual, Σ min(actual, required), how many assessed) and per unit × competency (gaps);
/// KompetenCore's rule turns the sums into JPM and categories. Two grouped queries for any
/// number of people — never one query per employee, never a row per result into memory.
enum GapEngine: SQLShorthand {
    struct Person: Sendable {
        let id: UUID, nip: String, name: String, unitID: UUID, positionID: UUID?
        let jpm: Double?
        /// nil when the person has no position (no standard to compare with).
        let category: JPMCategory?
        /// How many competencies of the standard have a result (0: the match is unknown).
        var assessed = 0
    }
    struct Cell: Sendable {
        let unitID: UUID
        let competencyCode: String
        let tally: GapTally
    }
    struct Computed: Sendable {
        let persons: [Person]
        let cells: [Cell]
        let thresholds: JPMThresholds
        let formula: JPMFormula
    }

    private static let e = "e", s = "s", c = "c"

    /// `employees e [LEFT] JOIN position_standards s LEFT JOIN current_levels c`, filtered to the scope.
    private static func scoped(_ sql: any SQLDatabase, instansiID: UUID, unitIDs: [UUID]?, standardJoin: SQLJoinMethod)
        -> SQLSelectBuilder
    {
        StandardLevelRows.select(sql, instansiID: instansiID, unitIDs: unitIDs, standardJoin: standardJoin)
    }

    /// Which sums a report needs: per person (JPM, categories), per unit × competency (gaps).
    struct Parts: OptionSet, Sendable {
        let rawValue: Int
        static let persons = Parts(rawValue: 1), cells = Parts(rawValue: 2)
        static let all: Parts = [.persons, .cells]
    }

    static func compute(instansiID: UUID, unitIDs: [UUID]?, parts: Parts = .all, on db: any Database) async throws
        -> Computed
    {
        let sql = try db.sql
        let (formula, thresholds) = try await SettingsQueries.load(instansiID, on: db)
        let codes = try await competencyCodes(instansiID, on: db)
        let level = col("level", c)
        let required = col("required_level", s)

        // Σ min(level, required), with no result counting 0.
        let minimum = SQLCaseWhen(
            condition: SQLIsNull(expression: level), then: SQLLiteral.numeric("0"),
            otherwise: SQLCaseWhen(
                condition: SQLBinaryExpression(level, .lessThan, required), then: level, otherwise: required))
        let personRows =
            !parts.contains(.persons)
            ? []
            : try await scoped(sql, instansiID: instansiID, unitIDs: unitIDs, standardJoin: .left)
                .column(col("id", e), as: "id").column(col("nip", e), as: "nip").column(col("name", e), as: "name")
                .column(col("unit_id", e), as: "unit_id").column(col("position_id", e), as: "position_id")
                .column(SQLFunction("SUM", args: required), as: "required")
                .column(SQLFunction("SUM", args: level), as: "actual")
                .column(SQLFunction("SUM", args: minimum), as: "minimum")
                .column(SQLFunction("COUNT", args: level), as: "assessed")
                // Grouping by the primary key alone: the other columns depend on it (PostgreSQL and SQLite agree).
                .groupBy(col("id", e))
                .orderBy(col("name", e))
                .all()
        let persons = try personRows.map { row -> Person in
            let positionID =
                try row.decodeNil(column: "position_id") ? nil : try row.decode(column: "position_id", as: UUID.self)
            var jpm: Double?
            var category: JPMCategory?
            let assessed = try row.integer("assessed")
            if positionID != nil {
                let totals = GapAnalysis.JPMTotals(
                    required: try row.integer("required"), sumActual: try row.integer("actual"),
                    sumMin: try row.integer("minimum"), assessed: assessed, formula: formula)
                (jpm, category) = GapAnalysis.match(totals, thresholds: thresholds)
            }
            return Person(
                id: try row.decode(column: "id", as: UUID.self), nip: try row.decode(column: "nip", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                positionID: positionID, jpm: jpm, category: category, assessed: assessed)
        }

        // GapTally.record in SQL: a shortfall and a surplus are summed apart, never netted (levels 2
        // and 4 on a standard of 3 are a mean shortfall of 0,5, not a mean gap of 0); a missing
        // level compares as NULL, so it adds to neither and only to `required`.
        let gapBelow = SQLCaseWhen(
            condition: SQLBinaryExpression(level, .lessThan, required), then: SQLLiteral.numeric("1"),
            otherwise: SQLLiteral.numeric("0"))
        let shortfall = SQLCaseWhen(
            condition: SQLBinaryExpression(level, .lessThan, required),
            then: SQLBinaryExpression(required, .subtract, level), otherwise: SQLLiteral.numeric("0"))
        let surplus = SQLCaseWhen(
            condition: SQLBinaryExpression(level, .greaterThan, required),
            then: SQLBinaryExpression(level, .subtract, required), otherwise: SQLLiteral.numeric("0"))
        let cellRows =
            !parts.contains(.cells)
            ? []
            : try await scoped(sql, instansiID: instansiID, unitIDs: unitIDs, standardJoin: .inner)
                .column(col("unit_id", e), as: "unit_id").column(col("competency_id", s), as: "competency_id")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "required")
                .column(SQLFunction("COUNT", args: level), as: "assessed")
                .column(SQLFunction("SUM", args: shortfall), as: "gap_sum")
                .column(SQLFunction("SUM", args: surplus), as: "surplus_sum")
                .column(SQLFunction("SUM", args: gapBelow), as: "with_gap")
                .groupBy(col("unit_id", e)).groupBy(col("competency_id", s))
                .all()
        let cells = try cellRows.map { row in
            Cell(
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                competencyCode: codes[try row.decode(column: "competency_id", as: UUID.self)] ?? "?",
                tally: GapTally(
                    required: try row.integer("required"), assessed: try row.integer("assessed"),
                    gapSum: try row.integer("gap_sum"), withGap: try row.integer("with_gap"),
                    surplusSum: try row.integer("surplus_sum")))
        }
        return Computed(persons: persons, cells: cells, thresholds: thresholds, formula: formula)
    }

    struct Shortfall: Sendable {
        let id: UUID
        let nip: String
        let name: String
        let unitID: UUID
        let required: Int
        let actual: Int
    }

    /// People below their standard in one competency, largest gap first.
    static func shortfalls(instansiID: UUID, unitIDs: [UUID]?, competencyID: UUID, on db: any Database) async throws
        -> [Shortfall]
    {
        let sql = try db.sql
        let level = col("level", c)
        let required = col("required_level", s)
        let rows = try await scoped(sql, instansiID: instansiID, unitIDs: unitIDs, standardJoin: .inner)
            .column(col("id", e), as: "id").column(col("nip", e), as: "nip").column(col("name", e), as: "name")
            .column(col("unit_id", e), as: "unit_id").column(required, as: "required").column(level, as: "actual")
            .where(col("competency_id", s), .equal, SQLBind(competencyID))
            .where(level, .lessThan, required)
            .all()
        return try rows.map { row in
            Shortfall(
                id: try row.decode(column: "id", as: UUID.self), nip: try row.decode(column: "nip", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                required: try row.integer("required"), actual: try row.integer("actual"))
        }.sorted { ($0.required - $0.actual, $1.name) > ($1.required - $1.actual, $0.name) }
    }

    /// Active employees per unit in the scope (one grouped count).
    static func headcounts(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> [UUID: Int] {
        let sql = try db.sql
        var q = sql.select().column("unit_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
            Employee.schema
        )
        .where("instansi_id", .equal, SQLBind(instansiID)).where("is_active", .equal, SQLBind(true))
        if let unitIDs { q = q.where("unit_id", .in, SQLBind.group(unitIDs)) }
        let rows = try await q.groupBy("unit_id").all()
        var result: [UUID: Int] = [:]
        for row in rows { result[try row.decode(column: "unit_id", as: UUID.self)] = try row.integer("n") }
        return result
    }

    static func competencyCodes(_ instansiID: UUID, on db: any Database) async throws -> [UUID: String] {
        Dictionary(
            uniqueKeysWithValues: try await Competency.query(on: db).filter(\.$instansiID == instansiID).all().map {
                try ($0.requireID(), $0.code)
            })
    }

    /// One employee's gap, item by item (the profile page and `GET /employees/{id}/gap`):
    /// the standard and the current levels, each with its competency code, in two joined reads.
    /// `target`: another position than the one held (a career gap: the post they are being
    /// prepared for), judged with the pengisian jabatan thresholds, since the question is
    /// whether they could fill it.
    static func employee(_ e: Employee, against target: UUID? = nil, on db: any Database) async throws -> GapResult? {
        guard let positionID = target ?? e.positionID else { return nil }
        let sql = try db.sql
        let (formula, setting) = try await SettingsQueries.load(e.instansiID, on: db)
        let thresholds = target == nil ? setting : .pengisianJabatan
        // The position's standard with this person's current level beside each competency.
        let rows = try await sql.select()
            .column(col("code", "k"), as: "code").column(col("required_level", s), as: "required").column(
                col("level", c), as: "level"
            )
            .from(alias(PositionStandard.schema, s))
            .join(
                alias(Competency.schema, "k"), method: SQLJoinMethod.inner, on: col("competency_id", s), .equal,
                col("id", "k")
            )
            .join(
                alias(CurrentLevel.schema, c), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(col("competency_id", c), .equal, col("competency_id", s)), .and,
                    SQLBinaryExpression(col("employee_id", c), .equal, SQLBind(e.requireID())))
            )
            .where(col("position_id", s), .equal, SQLBind(positionID))
            .all()
        return analyse(
            try rows.map {
                (
                    code: try $0.decode(column: "code", as: String.self), required: try $0.integer("required"),
                    level: try $0.decodeNil(column: "level") ? nil : try $0.integer("level")
                )
            }, formula: formula, thresholds: thresholds)
    }

    /// The standard (in code order, as the API and pages list it) against the current levels.
    static func analyse(
        _ rows: [(code: String, required: Int, level: Int?)], formula: JPMFormula, thresholds: JPMThresholds
    ) -> GapResult {
        var standard: [StandardItem] = []
        var actual: [String: Int] = [:]
        for row in rows {
            standard.append(StandardItem(competencyCode: row.code, required: row.required))
            if let level = row.level { actual[row.code] = level }
        }
        standard.sort { CodeOrder.precedes($0.competencyCode, $1.competencyCode) }
        return GapAnalysis.analyse(standard: standard, actual: actual, formula: formula, thresholds: thresholds)
    }

    /// The unit and its sub-units (for "includes sub-units" reports).
    static func subtree(of unit: Unit, on db: any Database) async throws -> [UUID] {
        try await UnitQueries.tree(instansiID: unit.instansiID, on: db).subtree(of: unit.requireID())
    }
}
