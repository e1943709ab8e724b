import Fluent
import KompetenCore
import SQLKit
import Vapor

/// Gaps and JPM for many employees at once: three set-based reads (people, standards, current
/// profiles), then the rule from KompetenCore for each person. Never one query per employee.
enum GapEngine {
    struct Person: Decodable, Sendable { let id: UUID; let nip: String; let name: String; let unit_id: UUID; let position_id: UUID? }
    struct Row: Sendable { let person: Person; let result: GapResult? /* nil: no position */ }
    struct Computed: Sendable {
        let rows: [Row]
        let codes: [UUID: String]
        let thresholds: JPMThresholds
        let formula: JPMFormula
    }

    private struct StandardRow: Decodable { let position_id: UUID; let competency_id: UUID; let required_level: Int }
    private struct LevelRow: Decodable { let employee_id: UUID; let competency_id: UUID; let level: Int }

    /// Everyone active in `unitIDs` (nil = the whole instansi).
    static func compute(instansiID: UUID, unitIDs: [UUID]?, on db: any Database) async throws -> Computed {
        let sql = db as! any SQLDatabase
        let (formula, thresholds) = try await SettingsQueries.load(instansiID, on: db)

        var people = sql.select().columns("id", "nip", "name", "unit_id", "position_id").from(Employee.schema)
            .where("instansi_id", .equal, SQLBind(instansiID)).where("is_active", .equal, SQLBind(true))
        if let unitIDs { people = people.where("unit_id", .in, SQLBind.group(unitIDs)) }
        let persons = try await people.orderBy("name").all(decoding: Person.self)

        let standards = try await sql.select()
            .column(SQLColumn("position_id", table: "s")).column(SQLColumn("competency_id", table: "s")).column(SQLColumn("required_level", table: "s"))
            .from(SQLAlias(SQLIdentifier(PositionStandard.schema), as: SQLIdentifier("s")))
            .join(SQLAlias(SQLIdentifier(Position.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("position_id", table: "s"), .equal, SQLColumn("id", table: "p"))
            .where(SQLColumn("instansi_id", table: "p"), .equal, SQLBind(instansiID))
            .all(decoding: StandardRow.self)

        var levelQuery = sql.select()
            .column(SQLColumn("employee_id", table: "c")).column(SQLColumn("competency_id", table: "c")).column(SQLColumn("level", table: "c"))
            .from(SQLAlias(SQLIdentifier(CurrentLevel.schema), as: SQLIdentifier("c")))
            .where(SQLColumn("instansi_id", table: "c"), .equal, SQLBind(instansiID))
        if let unitIDs {
            levelQuery = levelQuery
                .join(SQLAlias(SQLIdentifier(Employee.schema), as: SQLIdentifier("e")), method: SQLJoinMethod.inner,
                      on: SQLColumn("employee_id", table: "c"), .equal, SQLColumn("id", table: "e"))
                .where(SQLColumn("unit_id", table: "e"), .in, SQLBind.group(unitIDs))
        }
        let levels = try await levelQuery.all(decoding: LevelRow.self)

        let competencies = try await Competency.query(on: db).filter(\.$instansiID == instansiID).all()
        let codes = Dictionary(uniqueKeysWithValues: competencies.map { ($0.id!, $0.code) })
        var standardOf: [UUID: [StandardItem]] = [:]
        for s in standards { standardOf[s.position_id, default: []].append(StandardItem(competencyCode: codes[s.competency_id] ?? "?", required: s.required_level)) }
        for key in standardOf.keys { standardOf[key]!.sort { $0.competencyCode.localizedStandardCompare($1.competencyCode) == .orderedAscending } }
        var actualOf: [UUID: [String: Int]] = [:]
        for l in levels { actualOf[l.employee_id, default: [:]][codes[l.competency_id] ?? "?"] = l.level }

        let rows = persons.map { p -> Row in
            guard let position = p.position_id else { return Row(person: p, result: nil) }
            let result = GapAnalysis.analyse(standard: standardOf[position] ?? [], actual: actualOf[p.id] ?? [:],
                                             formula: formula, thresholds: thresholds)
            return Row(person: p, result: result)
        }
        return Computed(rows: rows, codes: codes, thresholds: thresholds, formula: formula)
    }

    /// One employee's gap (the profile page and `GET /employees/{id}/gap`).
    static func employee(_ e: Employee, on db: any Database) async throws -> GapResult? {
        guard let positionID = e.positionID else { return nil }
        let (formula, thresholds) = try await SettingsQueries.load(e.instansiID, on: db)
        let standards = try await PositionStandard.query(on: db).filter(\.$positionID == positionID).all()
        let levels = try await CurrentLevel.query(on: db).filter(\.$employeeID == e.id!).all()
        let codes = try await PositionService.codesByID(Set(standards.map(\.competencyID) + levels.map(\.competencyID)), on: db)
        let standard = standards.map { StandardItem(competencyCode: codes[$0.competencyID] ?? "?", required: $0.requiredLevel) }
            .sorted { $0.competencyCode.localizedStandardCompare($1.competencyCode) == .orderedAscending }
        let actual = Dictionary(levels.map { (codes[$0.competencyID] ?? "?", $0.level) }, uniquingKeysWith: { a, _ in a })
        return GapAnalysis.analyse(standard: standard, actual: actual, formula: formula, thresholds: thresholds)
    }

    /// The unit and its sub-units (for "includes sub-units" reports).
    static func subtree(of unit: Unit, on db: any Database) async throws -> [UUID] {
        try await UnitQueries.tree(instansiID: unit.instansiID, on: db).subtree(of: unit.id!)
    }
}
